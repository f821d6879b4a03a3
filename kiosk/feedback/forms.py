"""The feedback box's forms. Flask-WTF adds the form token to each."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField


class FeedbackForm(FlaskForm):
    topic = RadioField(
        _l("What is it about? (you don't have to choose)"), choices=[], validate_choice=False
    )
    text = TextAreaField(_l("Write your message"))
    # A field people never see: only a robot fills it in.
    website = StringField(_l("Leave this empty"))
    submission_id = HiddenField()
    receipt_code = HiddenField()
    receipt_seal = HiddenField()


class WithdrawForm(FlaskForm):
    receipt_code = StringField(_l("Your receipt code"))
