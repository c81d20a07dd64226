"""Demo posts for `manage.py seed_demo`. Every word here was written for this
project; none is copied from the author's real site or anywhere else."""

SERIES = {
    "slug": "compassion-in-the-consulting-room",
    "title": "Compassion in the consulting room",
    "description": "Three short posts on compassion in clinical work: what it "
    "is, what gets in its way, and what helps.",
}

POSTS = [
    {
        "slug": "three-minute-breathing-space-for-busy-clinicians",
        "featured_image": "A lemon slice on a calm blue background",
        "attachment": "Breathing space: a one-page guide",
        "title": "A three-minute breathing space for busy clinicians",
        "published": "2024-02-14 08:30",
        "tags": ["mindfulness", "stress", "burnout"],
        "body": """
<p>Between one patient and the next there is usually a corridor, a kettle or a
screen that takes a few seconds to load. Those gaps are short, but they are
long enough for a practice that many of the doctors and nurses I teach now
use several times a day.</p>
<p>The breathing space is often taught in three steps, like an hourglass:
wide, then narrow, then wide again.</p>
<ol>
<li><strong>Arrive.</strong> Notice what is here right now: thoughts, feelings,
sensations in the body. Name them quietly without trying to change them.</li>
<li><strong>Gather.</strong> Bring attention to the breath low in the belly,
following a handful of breaths in and out.</li>
<li><strong>Expand.</strong> Widen attention to the whole body, the posture,
the room, and carry that wider awareness into whatever comes next.</li>
</ol>
<p>Nothing needs to go well for the practice to count. If the mind is busy,
the practice was noticing that it is busy.</p>
<blockquote><p>The point is not to feel calm. The point is to be here, for a
moment, before the next thing begins.</p></blockquote>
<p>If you would like a longer introduction, the <a
href="https://www.nhs.uk/mental-health/self-help/tips-and-support/mindfulness/">NHS
page on mindfulness</a> is a sensible, balanced place to start.</p>
""",
    },
    {
        "slug": "self-compassion-is-not-self-indulgence",
        "title": "Self-compassion is not self-indulgence",
        "published": "2024-04-03 19:10",
        "updated": "2024-09-21 11:00",
        "tags": ["compassion", "wellbeing", "psychotherapy"],
        "body": """
<p>When I suggest to people that they might speak to themselves a little more
kindly, the most common reply is a worried one: if I go easy on myself, won't
I stop trying?</p>
<p>It is an understandable fear, and it deserves a careful answer. In my
experience in the consulting room, and in the research I have read over the
years, harsh self-criticism tends to make people more afraid of failure, more
likely to avoid difficult tasks, and slower to recover after a setback.
Kindness towards oneself does something different: it makes it safer to look
honestly at what went wrong.</p>
<h2>Three things self-compassion is not</h2>
<ul>
<li>It is not <em>self-pity</em>, which tends to isolate us in our troubles.</li>
<li>It is not <em>self-esteem</em>, which depends on doing better than others.</li>
<li>It is not <em>letting ourselves off</em>: it often asks more of us, not less.</li>
</ul>
<blockquote><p>A good coach does not shout at an injured runner. A good coach
says: that hurts, let's look at it, and let's work out what you need.</p></blockquote>
<p>Try this the next time you make a mistake: ask what you would say to a
friend who had made the same one, and then say it to yourself.</p>
""",
    },
    {
        "slug": "research-round-up-the-therapeutic-alliance",
        "title": "Research round-up: the therapeutic alliance and outcomes",
        "published": "2024-06-18 07:45",
        "tags": ["research", "therapeutic relationship", "psychotherapy"],
        "body": """
<p>Every few months I gather what I have been reading into a short round-up.
This one is about the <strong>therapeutic alliance</strong>: the working
relationship between a client and a therapist, usually described as agreement
on goals, agreement on tasks, and the bond between the two people.</p>
<p>Here is my own one-paragraph summary of where the evidence seems to stand,
written for readers who do not have time to read the meta-analyses.</p>
<blockquote><p><strong>Summary (my words):</strong> across many kinds of
therapy and many conditions, a stronger alliance early in treatment is
consistently, if modestly, associated with better outcomes. The association
holds whether the alliance is rated by the client, the therapist or an
observer, though client ratings tend to predict outcome best. Causation is
harder to establish, because early improvement may itself strengthen the
alliance.</p></blockquote>
<h2>Key points</h2>
<ol>
<li>The relationship matters in every model of therapy, not only in the
"relational" ones.</li>
<li>Ruptures in the alliance are common, and repairing them well is
associated with good outcomes.</li>
<li>Asking clients directly how the work is going is simple and
underused.</li>
</ol>
<p>If you want to read further, a search of <a
href="https://pubmed.ncbi.nlm.nih.gov/?term=therapeutic+alliance+outcome+meta-analysis">PubMed
for alliance and outcome meta-analyses</a> is a good starting point.</p>
""",
    },
    {
        "slug": "conference-diary-a-day-of-mindfulness-research-in-glasgow",
        "title": "Conference diary: a day of mindfulness research in Glasgow",
        "published": "2024-10-07 21:15",
        "tags": ["conferences", "mindfulness", "research"],
        "body": """
<p>I took the early train through to Glasgow for a one-day meeting on
mindfulness in health care. These are my notes, tidied up a little on the
way home.</p>
<h2>Morning: what counts as a "dose" of practice?</h2>
<p>The first session asked a question I hear from patients all the time:
how much practice is enough? The honest answer from the speakers was that we
do not yet know, and that home practice is hard to measure without changing
it.</p>
<h2>Afternoon: teaching the teachers</h2>
<p>After lunch the focus moved to training. Several speakers argued that the
quality of the teacher's own practice shows up in the room in ways that
checklists struggle to capture.</p>
<blockquote><p>One phrase I wrote down: "we teach what we practise, not what
we know."</p></blockquote>
<h2>What I am taking home</h2>
<ul>
<li>Be more modest about dose when I recommend practice.</li>
<li>Ask people what gets in the way, rather than how many minutes they did.</li>
<li>Protect my own practice when the diary fills up.</li>
</ul>
""",
    },
    {
        "slug": "compassion-in-the-consulting-room-1st-post",
        "series_position": 1,
        "title": "Compassion in the consulting room (1st post)",
        "published": "2025-01-12 09:00",
        "tags": ["compassion", "therapeutic relationship"],
        "body": """
<p>This is the first of three posts about compassion in clinical work. I want
to start with a definition, because the word is used loosely.</p>
<p>A useful working definition has two parts: <em>sensitivity</em> to
suffering in ourselves and others, and a <em>commitment</em> to try to
relieve and prevent it. The first part is about noticing; the second is
about doing.</p>
<blockquote><p>Compassion is not a feeling we wait for. It is a direction we
turn towards, again and again.</p></blockquote>
<p>In the next post I will look at what gets in the way of compassion in busy
clinical settings, and in the third at what helps.</p>
""",
    },
    {
        "slug": "compassion-in-the-consulting-room-2nd-post",
        "series_position": 2,
        "title": "Compassion in the consulting room (2nd post)",
        "published": "2025-01-26 09:00",
        "tags": ["compassion", "burnout", "therapeutic relationship"],
        "body": """
<p>In the <a href="/posts/compassion-in-the-consulting-room-1st-post/">first
post</a> I offered a working definition of compassion. Here I want to look at
what gets in its way.</p>
<ol>
<li><strong>Time pressure.</strong> Ten-minute appointments push attention
towards the task and away from the person.</li>
<li><strong>Threat.</strong> Fear of complaints or mistakes narrows attention;
it is hard to be open-hearted while feeling under attack.</li>
<li><strong>Exhaustion.</strong> Compassion draws on energy. When there is
none left, detachment is a natural way to protect ourselves.</li>
</ol>
<p>None of these is a personal failing. They are predictable effects of the
conditions many clinicians work in, which is why the answer cannot only be
individual resilience.</p>
""",
    },
    {
        "slug": "compassion-in-the-consulting-room-3rd-post",
        "series_position": 3,
        "title": "Compassion in the consulting room (3rd post)",
        "published": "2025-02-09 09:00",
        "tags": ["compassion", "wellbeing", "therapeutic relationship"],
        "body": """
<p>The last post in this short series is about what helps. Some of it is
personal practice, and some of it is about how teams and services are
organised.</p>
<h2>For individuals</h2>
<ul>
<li>A brief pause before each consultation, even one breath.</li>
<li>Noticing our own distress with the same kindness we would offer a
patient.</li>
<li>Supervision or peer support where it is safe to talk about how the work
feels.</li>
</ul>
<h2>For teams</h2>
<ul>
<li>Protected breaks that actually happen.</li>
<li>Leaders who model kindness when things go wrong.</li>
<li>Time to debrief after difficult events.</li>
</ul>
<blockquote><p>Compassion for patients and compassion for staff are not rival
claims on a fixed budget. Each makes the other more likely.</p></blockquote>
""",
    },
    {
        "slug": "rumination-and-worry-why-thinking-harder-rarely-helps",
        "title": "Rumination and worry: why thinking harder rarely helps",
        "published": "2025-05-20 20:00",
        "tags": ["stress", "mindfulness", "psychotherapy"],
        "body": """
<p>Rumination feels like problem-solving. We turn a difficulty over and over,
convinced that one more pass will reveal the answer. Usually it does not: we
end up more tired and more anxious, with the problem unchanged.</p>
<p>It helps to tell two kinds of thinking apart. <em>Concrete</em> thinking
asks "what is the next small step?" <em>Abstract</em> thinking asks "why
does this always happen to me?" The first tends to move us forward; the
second tends to keep us stuck.</p>
<h2>A small experiment</h2>
<ol>
<li>Notice when you have been going round the same loop for a while.</li>
<li>Ask: is there one action I can take in the next day?</li>
<li>If there is, write it down. If there is not, gently bring attention back
to what you can see, hear and feel right now.</li>
</ol>
<p>This is not about suppressing thoughts, which tends to backfire. It is
about changing our relationship to them.</p>
""",
    },
    {
        "slug": "sleep-stress-and-the-bodys-alarm-system",
        "title": "Sleep, stress and the body's alarm system",
        "published": "2025-09-02 07:30",
        "tags": ["sleep", "stress", "wellbeing"],
        "body": """
<p>Few things make people feel as desperate as a run of bad nights. And few
things make sleep harder than feeling desperate about it.</p>
<p>The body's alarm system is very good at keeping us awake when it senses
danger. Unfortunately it does not distinguish well between a predator and a
worry about tomorrow's meeting, or a worry about not sleeping.</p>
<h2>What tends to help</h2>
<ul>
<li>Keeping a regular getting-up time, even after a poor night.</li>
<li>Using the bed for sleep, not for worrying or scrolling.</li>
<li>Getting up for a while if sleep will not come, and returning when
sleepy.</li>
<li>Treating wakefulness with curiosity rather than alarm.</li>
</ul>
<p>Persistent insomnia deserves proper help. Cognitive behavioural therapy
for insomnia is effective, and many people can now reach it through their GP.
The <a href="https://www.nhs.uk/conditions/insomnia/">NHS insomnia page</a>
is a good starting point.</p>
""",
    },
    {
        "slug": "key-points-from-a-year-of-reading-on-burnout",
        "title": "Key points from a year of reading on burnout",
        "published": "2025-12-15 18:20",
        "updated": "2026-01-08 10:15",
        "tags": ["burnout", "research", "wellbeing"],
        "body": """
<p>Over the past year I have read a good deal about burnout in health-care
workers. Rather than a long review, here are the points that have stayed with
me.</p>
<h2>Key points</h2>
<ol>
<li>Burnout is usually described as exhaustion, cynicism or detachment, and
a reduced sense of accomplishment.</li>
<li>It is best understood as a response to chronic work conditions, not as
a personal weakness.</li>
<li>Workload, lack of control and a mismatch of values are among the most
reliable predictors.</li>
<li>Individual approaches such as mindfulness training can help, but they
work best alongside changes to how work is organised.</li>
<li>Recovery takes longer than most people expect. Early support makes a
difference.</li>
</ol>
<blockquote><p>If the soil is poor, telling the plant to be more resilient
will only get us so far.</p></blockquote>
<p>If you recognise yourself in this list, please talk to someone: a
colleague, your GP, or an occupational health service.</p>
""",
    },
    {
        "slug": "walking-meditation-for-people-who-cannot-sit-still",
        "title": "Walking meditation for people who cannot sit still",
        "published": "2026-04-11 10:00",
        "tags": ["mindfulness", "wellbeing"],
        "body": """
<p>Some people find sitting meditation close to unbearable. Their bodies
fidget, their minds race, and they conclude that mindfulness is "not for
them". Walking practice is often a better way in.</p>
<h2>How to try it</h2>
<ol>
<li>Find a stretch of floor or path about ten paces long.</li>
<li>Walk slowly, feeling the lifting, moving and placing of each foot.</li>
<li>At the end, pause, turn, and walk back.</li>
<li>When the mind wanders, notice where it went, and return to the feet.</li>
</ol>
<p>Edinburgh is a good city for this. The <a
href="https://www.rbge.org.uk/">Botanic Garden</a> has quiet paths, and even
a walk along a busy street can become practice if we keep bringing attention
back to the body.</p>
""",
    },
    {
        "slug": "kindness-to-others-and-our-own-wellbeing",
        "title": "Kindness to others and our own wellbeing",
        "published": "2026-10-28 08:15",
        "tags": ["compassion", "wellbeing", "research"],
        "body": """
<p>A recurring finding in the wellbeing literature is that acts of kindness
seem to benefit the giver as well as the receiver. The effects are usually
modest, but they are consistent enough to take seriously.</p>
<p>What interests me clinically is not the size of the effect but the
direction of attention. Depression and anxiety pull attention inwards,
towards threat and self-evaluation. Kindness turns it outwards, towards
connection.</p>
<h2>A gentle suggestion</h2>
<p>For one week, note one small kind act each day: something done, not only
intended. At the end of the week, notice whether anything has shifted, in
you or around you.</p>
<blockquote><p>Small, regular and real is better than grand and
occasional.</p></blockquote>
""",
    },
    {
        "slug": "notes-towards-a-post-on-shame",
        "title": "Notes towards a post on shame",
        "status": "draft",
        "tags": ["psychotherapy", "compassion"],
        "body": """
<p>Draft: shame versus guilt; the urge to hide; why shame is so hard to talk
about in therapy, and how compassion-focused approaches work with it.</p>
""",
    },
    {
        "slug": "loving-kindness-practice-a-gentle-introduction",
        "title": "Loving-kindness practice: a gentle introduction",
        "scheduled_in_days": 7,
        "tags": ["compassion", "mindfulness"],
        "body": """
<p>Loving-kindness practice asks us to wish ourselves and others well, using
simple phrases repeated slowly. For many people it feels awkward at first,
and that is completely normal.</p>
<ol>
<li>Begin with someone it is easy to feel warmly towards.</li>
<li>Offer the phrases to yourself.</li>
<li>Widen the circle: a neutral person, a difficult person, all beings.</li>
</ol>
""",
    },
]
