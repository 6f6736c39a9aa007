"""The letter parser, shape by shape: what it finds in the notes people really send."""

from __future__ import annotations

from notecheck.anatomy import Anatomy, Part, parse


def parts(text: str, known: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    anatomy = parse(text, known=known)
    return [(s.part.value, text[s.start : s.end]) for s in anatomy.segments]


def fields(anatomy: Anatomy, part: Part) -> dict[str, list[str]]:
    segment = anatomy.first(part)
    assert segment is not None, f"no {part.value}"
    found: dict[str, list[str]] = {}
    for name, span in segment.fields:
        found.setdefault(name, []).append(span.text(anatomy.source))
    return found


BUSINESS = """Daniel Okafor
1420 Birch Avenue
Tulsa, OK 74104
(918) 555-0142
d.okafor@example.com

March 3, 2026

Ms. Renata Alvarez
Director of Nursing
St. Brigid Medical Center
200 Harbor Road
Tulsa, OK 74103

Dear Ms. Alvarez:

Thank you for meeting with me on Monday about the night charge nurse position.

I have led a 28-bed medical-surgical unit for four years.

Sincerely,


Daniel Okafor, RN
Charge Nurse
(918) 555-0142
d.okafor@example.com
"""


def test_business_letter_blocks_salutation_and_spaced_signature() -> None:
    anatomy = parse(BUSINESS)
    kinds = [s.part for s in anatomy.segments]
    assert kinds == [Part.SENDER, Part.DATE, Part.RECIPIENT, Part.SALUTATION, Part.PARAGRAPH, Part.PARAGRAPH,
                     Part.CLOSING, Part.SIGNATURE]
    assert anatomy.addressee == "Ms. Alvarez"
    assert anatomy.signer == "Daniel Okafor, RN"
    signature = fields(anatomy, Part.SIGNATURE)
    assert signature["title"] == ["Charge Nurse"]
    assert signature["contact"] == ["(918) 555-0142", "d.okafor@example.com"]
    assert "Birch Avenue" not in " ".join(BUSINESS[s.start : s.end] for s in anatomy.of(Part.PARAGRAPH))


def test_one_address_block_with_contact_lines_is_the_senders() -> None:
    text = "Priya Nair\npriya.nair@example.com\n\nDear Mr. Holt,\n\nThank you for the interview.\n\nBest regards,\nPriya Nair\n"
    assert [p for p, _ in parts(text)][:2] == ["sender-block", "salutation"]


def test_one_address_block_without_contact_is_the_recipients() -> None:
    text = "Mr. Samuel Holt\nHolt & Reyes Welding\n\nDear Mr. Holt,\n\nThank you for the shop tour.\n\nRegards,\nAna\n"
    assert parts(text)[0] == ("recipient-block", "Mr. Samuel Holt\nHolt & Reyes Welding")


EMAIL = """From: Jordan Lee <jordan.lee@example.com>
To: Ana Silva <ana.silva@northwind.example>
Cc: Recruiting <jobs@northwind.example>
Subject: Thank you - Line Cook interview
Date: Tue, 3 Jun 2026 18:02:11 -0500

Hi Ana,

Thanks again for letting me work the lunch rush with your crew today.

Best,
Jordan
"""


def test_email_headers_are_headers_and_the_greeting_is_found() -> None:
    anatomy = parse(EMAIL)
    assert [s.part for s in anatomy.segments][:5] == [Part.HEADER] * 5
    assert anatomy.subject is not None and anatomy.subject.text(EMAIL) == "Thank you - Line Cook interview"
    assert anatomy.addressee == "Ana"
    assert anatomy.signer == "Jordan"
    body = [EMAIL[s.start : s.end] for s in anatomy.of(Part.PARAGRAPH)]
    assert body == ["Thanks again for letting me work the lunch rush with your crew today."]


def test_folded_header_lines_belong_to_their_header() -> None:
    text = "Subject: Thank you for the interview\n  for the welding apprenticeship\nTo: Sam\n\nHi Sam,\nThanks!\nLee"
    headers = [t for p, t in parts(text) if p == "header"]
    assert headers == ["Subject: Thank you for the interview\n  for the welding apprenticeship", "To: Sam"]


def test_a_quoted_earlier_message_is_not_the_note() -> None:
    text = ("Hi Dana,\n\nThank you for your time today.\n\nBest,\nJordan\n\n"
            "On Tue, 3 June 2026 at 10:14, Dana Park <dana@example.com> wrote:\n> Hi Jordan,\n> Thanks for coming in.\n")
    found = parts(text)
    assert found[-1][0] == "quoted-reply" and found[-1][1].startswith("On Tue")
    assert ("signature", "Jordan") in found


def test_a_reply_intro_folded_over_two_lines() -> None:
    text = ("Hi Dana,\n\nThank you.\n\nJordan\n\nOn Tue, Jun 3, 2026 at 10:14 AM Dana Park <\n"
            "dana@example.com> wrote:\n> see you\n")
    assert parts(text)[-1][0] == "quoted-reply"


def test_an_outlook_original_message_block_is_quoted() -> None:
    text = ("Dear Ms. Ortiz,\nThank you for meeting me.\nBest regards,\nLena Fischer\n\n-----Original Message-----\n"
            "From: Ana Ortiz\nSent: Monday\nTo: Lena\nSubject: Interview\n\nHi Lena, see you Monday.")
    found = parts(text)
    assert found[-2] == ("signature", "Lena Fischer")
    assert found[-1][0] == "quoted-reply"


def test_interleaved_quote_lines_are_quoted() -> None:
    text = "Hi Sam,\n\n> Can you send your portfolio?\n\nHere it is, and thank you again.\n\nCheers,\nMo"
    assert ("quoted-reply", "> Can you send your portfolio?") in parts(text)


def test_inline_greeting_chat_style() -> None:
    anatomy = parse("Hi Sam, thanks so much for meeting with me yesterday. I loved the tour!\n\nJordan")
    assert anatomy.salutation is not None and anatomy.addressee == "Sam"
    assert anatomy.sentence_list[0].text == "thanks so much for meeting with me yesterday."
    assert anatomy.signer == "Jordan"


def test_inline_greeting_with_a_dash_after_a_title() -> None:
    text = "Mr. Chen \u2013 thank you for your time today.\nI enjoyed meeting the crew.\n\n\u2013 J"
    found = parts(text)
    assert found[0] == ("salutation", "Mr. Chen \u2013")
    assert found[-1] == ("signature", "\u2013 J")


def test_inline_bare_name_greeting() -> None:
    assert parts("Priya, thank you for the conversation this morning.\n\nBest,\nOwen")[0] == ("salutation", "Priya,")
    # a weekday or a discourse word with a comma is not a name
    assert parts("Tuesday, I met the whole team.\nThanks,\nOwen")[0][0] == "paragraph"
    assert parts("Honestly, thank you.\nOwen")[0][0] == "paragraph"


def test_two_line_text_message() -> None:
    found = parts("hey priya!! thanks for today, it was great\n- marcus")
    assert found == [("salutation", "hey priya!!"), ("paragraph", "thanks for today, it was great"),
                     ("signature", "- marcus")]


def test_the_last_item_of_a_list_is_not_a_signature() -> None:
    anatomy = parse("Hi Sam,\n\nWhat I would bring:\n- Forklift certification\n- Scheduling")
    assert anatomy.signature is None and len(anatomy.of(Part.LIST_ITEM)) == 2


def test_one_line_message_signed_at_the_end() -> None:
    found = parts("Thanks so much for today, it was great to meet the team! \u2013 Jo")
    assert found[-1] == ("signature", "\u2013 Jo")


def test_signatures_that_are_only_a_name() -> None:
    for sign in ("Jordan", "\u2013 J", "J.", "\u2014 Priya", "Nguy\u1ec5n Th\u1ecb Lan"):
        anatomy = parse(f"Dear Ms. Ortiz,\n\nThank you for meeting me.\n\n{sign}\n")
        assert anatomy.signature is not None, sign
        assert anatomy.closing is None


def test_informal_closings() -> None:
    for closing, name in (("ty", "sam"), ("xoxo", "Tasha"), ("Cheers", "Sam"), ("Thx!", "Bo")):
        anatomy = parse(f"Hi Mo,\n\nThanks for the shift today.\n\n{closing}\n{name}\n")
        assert anatomy.field_text(anatomy.closing, "valediction").lower() == closing.lower().rstrip("!"), closing
        assert anatomy.signer == name
    anatomy = parse("Hi Mo,\n\nThanks for the shift today.\n\nCheers, Sam")
    assert anatomy.field_text(anatomy.closing, "valediction") == "Cheers" and anatomy.signer == "Sam"


def test_name_title_and_phone_under_the_name_and_a_device_footer() -> None:
    text = ("Dear Ms. Lee,\n\nThank you for your time.\n\nWarm regards,\n\nMaria Lopez, RN\n"
            "Charge Nurse | St. Mary's Hospital\n(555) 010-2233\n\nSent from my iPhone")
    anatomy = parse(text)
    assert anatomy.signer == "Maria Lopez, RN"
    assert fields(anatomy, Part.SIGNATURE)["contact"] == ["(555) 010-2233"]
    assert anatomy.segments[-1].part is Part.FOOTER


def test_a_short_last_body_line_is_not_a_sign_off() -> None:
    for last in ("Thanks for the lovely lunch", "Regards to the hiring panel"):
        anatomy = parse(f"Hi Sam,\n\nIt was great to meet you and the team.\n{last}\n")
        assert anatomy.closing is None and anatomy.signature is None, last
        assert last in anatomy.sentence_list[-1].text


def test_thanks_to_the_reader_is_not_a_signature_name() -> None:
    anatomy = parse("Hi Mark,\n\nThank you for your time today.\n\nThanks again, Mark!\n\nJess", known=frozenset({"mark"}))
    assert anatomy.signer == "Jess"
    assert anatomy.closing is not None and anatomy.source[anatomy.closing.start : anatomy.closing.end] == "Thanks again, Mark!"


def test_postscript_after_the_signature_and_before_the_closing() -> None:
    after = parse("Hi Ana,\n\nThanks for today.\n\nBest,\nAlex\n\nP.S. I forgot to mention I speak Spanish.\nP.P.S. Go team!")
    assert [after.source[s.start : s.end] for s in after.of(Part.POSTSCRIPT)] == [
        "P.S. I forgot to mention I speak Spanish.", "P.P.S. Go team!"]
    assert after.signer == "Alex"
    before = parse("Hi Ana,\n\nThanks for today.\n\nPS: I also hold a forklift licence.\n\nBest,\nAlex")
    assert before.first(Part.POSTSCRIPT) is not None and before.signer == "Alex"
    assert [s.text for s in before.sentence_list] == ["Thanks for today.", "I also hold a forklift licence."]


def test_markdown_pasted_from_an_editor() -> None:
    text = ("# Thank you\n\nDear Hiring Committee:\n\n**Thank you** for the interview. I've attached my "
            "[portfolio](https://example.com/p).\n\n* Led the *redesign*\n* Cut costs by 20%\n\nBest,\nAlex")
    anatomy = parse(text)
    assert [s.part for s in anatomy.segments][:2] == [Part.HEADING, Part.SALUTATION]
    assert [s.part for s in anatomy.segments].count(Part.LIST_ITEM) == 2
    texts = [" ".join(s.text.split()) for s in anatomy.sentence_list]
    assert texts == ["Thank you", "Thank you for the interview.", "I've attached my portfolio .", "Led the redesign",
                     "Cut costs by 20%"]
    assert len(anatomy.clean) == len(text)


def test_template_slots_are_not_markup() -> None:
    text = "Dear [Interviewer Name],\n\nThank you for the interview at <Company> for the ____ role.\n\nBest,\nLena"
    anatomy = parse(text)
    assert "[Interviewer Name]" in anatomy.clean and "<Company>" in anatomy.clean and "____" in anatomy.clean


def test_no_greeting_and_no_sign_off() -> None:
    assert parts("Thank you for the interview today. I hope to hear from you soon.") == [
        ("paragraph", "Thank you for the interview today. I hope to hear from you soon.")]


def test_front_matter_and_line_endings() -> None:
    source = "---\nrole: Welder\n---\r\nDear Sam,\r\n\r\nThank you.\r\n\r\nBest,\r\nLee\r\n"
    anatomy = parse(source, start=source.index("Dear"))
    assert anatomy.segments[0].part is Part.FRONT_MATTER
    assert [s.part for s in anatomy.segments][1:] == [Part.SALUTATION, Part.PARAGRAPH, Part.CLOSING, Part.SIGNATURE]
    cr_only = parse("Dear Sam,\r\rThank you.\r\rBest,\rLee")
    assert cr_only.signer == "Lee" and cr_only.addressee == "Sam"


def test_names_in_scripts_without_case_sign_a_note() -> None:
    anatomy = parse("\u738b\u7ecf\u7406\u60a8\u597d\uff0c\n\nThank you for the interview.\n\nBest regards,\n\u674e\u660e")
    assert anatomy.signer == "\u674e\u660e"
