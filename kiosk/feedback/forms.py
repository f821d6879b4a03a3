"""The feedback box's forms. Flask-WTF adds the form token to each."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField


class FeedbackForm(FlaskForm):
    topic = RadioField(
        "What is it about? (you don't have to choose)", choices=[], validate_choice=False
    )
    text = TextAreaField("Write your message")
    # A field people never see: only a robot fills it in.
    website = StringField("Leave this empty")
    submission_id = HiddenField()
    receipt_code = HiddenField()
    receipt_seal = HiddenField()


class WithdrawForm(FlaskForm):
    receipt_code = StringField("Your receipt code")
