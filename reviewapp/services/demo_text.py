"""Wording for demo evidence notes, goals and review text, built from templates and slot values.

Templates are keyed by competency position in the framework (0 = the first competency); the
SOLS Customer Service profile's seven competencies are: welcoming service, pro-active help,
accessibility, programs and services, public technology, personal devices, difficult situations.
"""

from __future__ import annotations


def _options(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";"))


SLOTS: dict[str, tuple[str, ...]] = {
    "patron": _options(
        "a senior patron; a newcomer family; a teen; a parent with a toddler; "
        "a regular patron; a visitor from out of town; an elderly couple; a student; "
        "a job seeker; a patron who had just moved to the area; a grandparent; "
        "a small-business owner; a home-schooling parent; an international student"
    ),
    "device": _options(
        "Kobo e-reader; iPad; Android phone; Chromebook; laptop; iPhone; Kindle; Android tablet"
    ),
    "app": _options("Libby; hoopla; Kanopy; PressReader; the library app; cloudLibrary"),
    "program": _options(
        "Baby Time; the ESL conversation circle; Tech Help drop-in; "
        "the seniors' book club; Homework Club; the TD Summer Reading Club; Career Café; "
        "the free tax clinic; Maker Monday; the Indigenous storytelling series; "
        "Teen Advisory Group; the family movie afternoon; Citizenship test prep"
    ),
    "when": _options(
        "during a busy Saturday shift; just before closing; at the service desk; "
        "on the evening shift; while shelving in the stacks; "
        "during the March Break rush; at the self-checkout; on a short-staffed Sunday; "
        "during the after-school rush"
    ),
    "language": _options("Mandarin; Arabic; Punjabi; French; Spanish; Tagalog; Ukrainian"),
    "task": _options(
        "print a boarding pass; scan and e-mail a lease; "
        "fill in an online job application; save a résumé to a USB key; "
        "renew a health card online; book a computer; print tax forms; "
        "log in to the library's online catalogue"
    ),
}

NOTES: dict[int, tuple[tuple[str, str], ...]] = {
    0: (
        ("direct_observation", "Greeted {patron} warmly {when} and asked what brought them in."),
        ("compliment", "Customer complimented {first} on being 'so welcoming' {when}."),
        (
            "direct_observation",
            "Listened patiently while {patron} explained a long request; "
            "summarised it back before searching.",
        ),
        (
            "customer_feedback",
            "Comment card: {patron} wrote that {first} 'made me feel I had "
            "come to the right place'.",
        ),
        (
            "direct_observation",
            "Walked {patron} to the shelf instead of pointing, "
            "and checked the item was what they needed.",
        ),
        ("coworker_feedback", "Co-worker noted {first} stays calm and friendly {when}."),
    ),
    1: (
        (
            "direct_observation",
            "Noticed {patron} looking lost near the holds shelf and offered "
            "help before being asked.",
        ),
        (
            "direct_observation",
            "Suggested {program} to {patron} after chatting about their interests.",
        ),
        (
            "compliment",
            "{patron} phoned to thank {first} for finding an out-of-print title "
            "through interlibrary loan.",
        ),
        (
            "coworker_feedback",
            "Shared with the team that several patrons asked about {app}; suggested a handout.",
        ),
        (
            "direct_observation",
            "When {patron} forgot their card, looked up the account with "
            "photo ID so they could still borrow.",
        ),
    ),
    2: (
        (
            "direct_observation",
            "Set up ZoomText on the accessible workstation for {patron} with "
            "low vision and showed how to change the magnification.",
        ),
        (
            "direct_observation",
            "Spoke directly to a patron who uses a wheelchair rather than to "
            "their companion, and moved a display to clear the aisle.",
        ),
        ("training_record", "Completed the AODA customer service refresher module."),
        (
            "customer_feedback",
            "A CNIB volunteer thanked {first} for explaining the DAISY player clearly.",
        ),
        (
            "direct_observation",
            "Used written notes and gestures to help {patron} who is Deaf register for {program}.",
        ),
    ),
    3: (
        (
            "direct_observation",
            "Explained the holds, renewals and museum pass programs to "
            "{patron} in one conversation.",
        ),
        ("direct_observation", "Recommended {program} to {patron} who speaks {language}."),
        (
            "self_reflection",
            "Read the staff bulletin on the new seed library and briefed the evening shift.",
        ),
        (
            "customer_feedback",
            "{patron} signed up for {program} after {first}'s suggestion and "
            "came back to say it was great.",
        ),
        ("training_record", "Attended the branch orientation on the new Library of Things."),
    ),
    4: (
        ("direct_observation", "Helped {patron} {task} on a public computer {when}."),
        (
            "direct_observation",
            "Explained how to join the library Wi-Fi and where to find the password.",
        ),
        (
            "direct_observation",
            "Cleared a print queue jam and showed {patron} how to release "
            "their job at the print station.",
        ),
        (
            "direct_observation",
            "Explained that files are wiped when a public computer session "
            "ends, and helped {patron} e-mail a document to themselves.",
        ),
        (
            "complaint",
            "{patron} complained that the computer booking ran out mid-task; "
            "{first} extended the session and explained the time limits.",
        ),
        (
            "direct_observation",
            "Showed {patron} how to search the online catalogue and place a hold.",
        ),
    ),
    5: (
        (
            "direct_observation",
            "Helped a patron connect an e-reader to the Wi-Fi and download "
            "their first e-book from {app}.",
        ),
        ("direct_observation", "Helped {patron} set up {app} on their {device} {when}."),
        (
            "compliment",
            "Customer complimented {first} on patiently explaining {app} on their {device}.",
        ),
        (
            "direct_observation",
            "Moved photos from {patron}'s {device} to cloud storage so they could free up space.",
        ),
        (
            "direct_observation",
            "Troubleshot an e-audiobook that would not download on a "
            "{device}; the loan had expired, and {first} placed a new hold.",
        ),
    ),
    6: (
        (
            "direct_observation",
            "Calmly explained the food and drink policy to {patron} {when}; "
            "the conversation ended on good terms.",
        ),
        (
            "complaint",
            "{patron} was upset about a fine for a lost item; {first} listened, "
            "checked the record and offered the lost-item process.",
        ),
        (
            "direct_observation",
            "De-escalated a dispute over a computer booking {when} and "
            "called the supervisor only when needed.",
        ),
        (
            "customer_feedback",
            "Replied promptly and politely to a negative social media comment "
            "about parking, following the response guidelines.",
        ),
        (
            "coworker_feedback",
            "Supervisor noted {first} handled a patron's noise complaint with "
            "respect for both sides.",
        ),
        (
            "self_reflection",
            "After a difficult exchange {when}, {first} asked for a debrief and "
            "noted what to try next time.",
        ),
    ),
}

GENERIC_NOTES = (
    ("direct_observation", "Helped {patron} {when}; the interaction was friendly and efficient."),
    ("coworker_feedback", "A co-worker mentioned {first}'s help with {program}."),
    ("self_reflection", "{first} reflected on a recent shift and identified one thing to improve."),
)

STRENGTHS: dict[int, tuple[str, ...]] = {
    0: ("{first} is warm and welcoming; regular patrons ask for {first} by name.",),
    1: ("{first} anticipates needs and often offers help before being asked.",),
    2: ("{first} is confident with the accessible workstation and treats everyone with dignity.",),
    3: ("{first} knows the full range of programs and connects people to them.",),
    4: ("{first} is the go-to person for public computers and printing.",),
    5: ("{first} patiently helps patrons with e-readers, tablets and phones.",),
    6: ("{first} stays calm and professional in difficult situations.",),
}

DEVELOPMENT: dict[int, tuple[str, ...]] = {
    0: ("Keep making eye contact and greeting patrons during busy periods.",),
    1: ("Look up from desk tasks and approach patrons who seem unsure.",),
    2: ("Build familiarity with the assistive technology, especially ZoomText and JAWS.",),
    3: ("Read the weekly bulletin so new programs can be recommended with confidence.",),
    4: ("Learn the print management system well enough to fix common problems alone.",),
    5: ("Practise with Libby and hoopla on both Android and Apple devices.",),
    6: ("Use the de-escalation steps from training and involve the supervisor earlier.",),
}

COMMENTS = {
    "low": (
        "Needs more support in this area; see the goals below.",
        "Some progress this year, not yet consistent.",
    ),
    "mid": (
        "Meets expectations consistently.",
        "Reliable and independent in this area.",
        "Patron feedback in this area was positive.",
    ),
    "high": (
        "Excellent; coaches newer staff in this area.",
        "Patron compliments this year were frequent and specific.",
        "Sets the standard for the branch.",
    ),
}

GOALS = (
    (
        "Complete the AODA customer service refresher.",
        "Certificate on file.",
        "Two hours of paid training time.",
    ),
    (
        "Lead a monthly Tech Help drop-in session.",
        "At least ten sessions held; attendance recorded.",
        "Shadow the Digital Services Librarian for two sessions first.",
    ),
    (
        "Learn the new print management system well enough to train others.",
        "Trains two co-workers; fewer print problems escalated.",
        "Vendor training video; time off desk.",
    ),
    (
        "Build confidence with difficult conversations at the service desk.",
        "Completes the de-escalation workshop and uses the debrief form.",
        "Workshop registration; monthly check-ins with the supervisor.",
    ),
    (
        "Become the branch's go-to person for e-books and e-audiobooks.",
        "Writes a one-page Libby guide for patrons.",
        "Three hours off desk to prepare the guide.",
    ),
    (
        "Plan and deliver a program independently.",
        "One program delivered with feedback forms.",
        "Programming Coordinator as mentor.",
    ),
    (
        "Learn about newcomer services and settlement partners.",
        "Visits two partner agencies.",
        "Time to attend the newcomer services network meeting.",
    ),
    (
        "Take part in a community outreach event each season.",
        "Four events attended.",
        "Scheduling support.",
    ),
    (
        "Mentor a new page during their first three months.",
        "Mentee completes orientation checklist.",
        "Mentoring guide.",
    ),
    (
        "Complete the French-language service module.",
        "Module completed; greets in French when appropriate.",
        "Online course licence.",
    ),
)

EMPLOYEE_COMMENTS = (
    "Thank you for the feedback. I would like more training on the new print system.",
    "I agree with this review.",
    "I enjoyed leading the summer reading club and would like to do more programming.",
    "I disagree with the rating for difficult situations; the incident in March was handled "
    "according to policy.",
    "Merci pour vos commentaires; j'aimerais suivre la formation sur les ressources numériques.",
    "Thanks for a fair review. More time off desk for projects would help me reach my goals.",
    "I would like to be considered for the senior library assistant posting.",
)

OVERRIDE_UP = (
    "Adjusted up to reflect the sustained improvement in the second half of the year.",
    "Adjusted up after discussion with HR: an extended leave meant several areas could not be "
    "observed fairly.",
)
OVERRIDE_DOWN = (
    "Adjusted down: two documented policy breaches outweigh the competency average.",
    "Adjusted down: attendance concerns discussed with HR are not reflected in the competencies.",
)

ADDENDA = (
    "Employee submitted a written response disagreeing with one rating; placed on file.",
    "HR note: review discussed at a follow-up meeting; no change to the ratings.",
    "Correction: the review meeting took place at the Central Library, not at the branch.",
    "Employee asked for a copy of the signed review; provided by e-mail.",
)
