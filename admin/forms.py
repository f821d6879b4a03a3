"""The staff area's forms. Flask-WTF adds the form token to each."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class SignInForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


class SetupForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password (at least 10 characters)", validators=[DataRequired()])
    again = PasswordField("The same password again", validators=[DataRequired()])


class SignOutForm(FlaskForm):
    pass
