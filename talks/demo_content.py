"""Demo talks for `manage.py seed_demo`. Every word here was written for this
project. Events, organisers and addresses are invented (example.org links).

Upcoming talks are dated relative to the day the command runs ("in_days", at
"time" UK time), so a fresh demo always has something coming up; past talks have
fixed dates ("starts"). "minutes" is the length; leave it out for no end time.
"""

BIO = (
    "Dr Hawkins is a doctor and psychotherapist in Edinburgh. He teaches "
    "mindfulness and compassion-based approaches to clinicians, and writes about "
    "the therapeutic relationship at Stressed to Zest."
)

TALKS = [
    {
        "slug": "mindfulness-for-the-tired-clinician",
        "title": "Mindfulness for the tired clinician",
        "in_days": 9,
        "time": "18:30",
        "minutes": 90,
        "event_name": "Winter Seminar Series in Primary Care",
        "organiser": "Lothian GP Education Group (demo)",
        "venue": "Seminar Room 3, Riverside Education Centre",
        "address": "14 Example Walk",
        "city": "Edinburgh",
        "event_url": "https://example.org/winter-seminars",
        "tags": ["mindfulness", "burnout"],
        "posts": [
            "three-minute-breathing-space-for-busy-clinicians",
            "key-points-from-a-year-of-reading-on-burnout",
        ],
        "abstract": """
<p>Most mindfulness courses assume an hour a day that few doctors and nurses
have. This seminar starts from the opposite end: the thirty seconds between one
patient and the next, the walk to the car park, the kettle.</p>
<p>We will try three short practices together, look honestly at what the
evidence does and does not say about mindfulness for staff wellbeing, and talk
about why individual practice is no substitute for a workable rota.</p>
<ul>
<li>the three-minute breathing space, in its shortest form;</li>
<li>noticing the body's alarm system before it takes over;</li>
<li>what to say to a colleague who is clearly not coping.</li>
</ul>
""",
    },
    {
        "slug": "self-compassion-in-the-consulting-room-webinar",
        "title": "Self-compassion in the consulting room",
        "in_days": 23,
        "time": "12:30",
        "is_online": True,
        "event_name": "Compassion in Practice lunchtime webinars",
        "organiser": "Scottish Network of Talking Therapists (demo)",
        "event_url": "https://example.org/compassion-webinars",
        "tags": ["compassion", "psychotherapy"],
        "posts": [
            "self-compassion-is-not-self-indulgence",
            "compassion-in-the-consulting-room-1st-post",
        ],
        "abstract": """
<p>Therapists are often far kinder to their clients than to themselves. In this
lunchtime webinar I describe how self-criticism shows up in the therapist's
chair, how it narrows what we can hear, and what a kinder inner voice makes
possible in the room.</p>
<p>There will be time for questions. The session is not recorded, so that
people can speak freely.</p>
""",
    },
    {
        "slug": "rumination-worry-and-the-thinking-trap",
        "title": "Rumination, worry and the thinking trap",
        "in_days": 58,
        "time": "10:00",
        "minutes": 45,
        "status": "postponed",
        "event_name": "West of Scotland Wellbeing Conference",
        "organiser": "Clyde Wellbeing Forum (demo)",
        "venue": "Main Hall, Example Conference Centre",
        "city": "Glasgow",
        "tags": ["stress", "research"],
        "posts": ["rumination-and-worry-why-thinking-harder-rarely-helps"],
        "abstract": """
<p>Why does thinking harder about a problem so often make it worse? A short
plenary on the difference between problem-solving and rumination, and on
practices that help people step out of the loop.</p>
""",
    },
    {
        "slug": "walking-practice-in-the-city",
        "title": "Walking practice in the city",
        "starts": "2026-05-16 14:00",
        "minutes": 120,
        "event_name": "Spring Festival of Wellbeing",
        "organiser": "Meadows Community Trust (demo)",
        "venue": "Community Hall, Example Park",
        "address": "2 Example Lane",
        "city": "Edinburgh",
        "slides_url": "https://example.org/slides/walking-practice.pdf",
        "video_url": "https://example.org/video/walking-practice",
        "tags": ["mindfulness", "wellbeing"],
        "posts": ["walking-meditation-for-people-who-cannot-sit-still"],
        "abstract": """
<p>An afternoon workshop, half indoors and half outside: a short introduction
to walking meditation for people who find sitting still difficult, followed by
a slow walk through the park.</p>
<p>Comfortable shoes recommended; no experience needed.</p>
""",
    },
    {
        "slug": "kindness-and-the-givers-wellbeing",
        "title": "Kindness and the giver's wellbeing",
        "starts": "2026-02-11 19:00",
        "minutes": 60,
        "status": "cancelled",
        "event_name": "Evening Lectures in Psychology",
        "organiser": "Edinburgh Psychology Circle (demo)",
        "venue": "Lecture Theatre B, Example Institute",
        "city": "Edinburgh",
        "tags": ["compassion", "wellbeing"],
        "posts": ["kindness-to-others-and-our-own-wellbeing"],
        "abstract": """
<p>Does helping others help the helper? A lecture on what the research on acts
of kindness can and cannot tell us, and what it might mean for clinical
work.</p>
<p>This lecture was cancelled because of heavy snow; I hope to give it another
time.</p>
""",
    },
    {
        "slug": "the-therapeutic-alliance-what-the-research-says",
        "title": "The therapeutic alliance: what the research says",
        "starts": "2025-10-02 09:30",
        "minutes": 60,
        "event_name": "Annual Meeting of Counselling Supervisors",
        "organiser": "Forth Valley Counselling Network (demo)",
        "venue": "Example Hotel",
        "address": "40 Example Street",
        "city": "Stirling",
        "slides_url": "https://example.org/slides/alliance.pdf",
        "tags": ["psychotherapy", "research"],
        "posts": ["research-round-up-the-therapeutic-alliance"],
        "abstract": """
<p>Across many kinds of therapy, the quality of the relationship between client
and therapist is one of the more consistent predictors of outcome. This keynote
walks through what that finding means, what it does not mean, and how
supervisors can help therapists notice and repair ruptures.</p>
""",
    },
    {
        "slug": "shame-and-the-urge-to-hide",
        "title": "Shame and the urge to hide",
        "visibility": "draft",
        "tags": ["psychotherapy", "compassion"],
        "posts": ["notes-towards-a-post-on-shame"],
        "abstract": """
<p>Draft for a talk not yet booked: shame versus guilt, and how
compassion-focused work helps people come out of hiding.</p>
""",
    },
]
