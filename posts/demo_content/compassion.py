"""Demo posts on compassion: self-compassion, the three-part series (see SERIES
in __init__), kindness, and a draft."""

POSTS = [
    {
        "slug": "self-compassion-is-not-self-indulgence",
        "title": "Self-compassion is not self-indulgence",
        "published": "2024-04-03 19:10",
        "updated": "2024-09-21 11:00",
        "tags": ["compassion", "wellbeing", "psychotherapy"],
        "body": """
<p>When I suggest to people that they might speak to themselves a little more
kindly, the most common reply is a worried one: if I go easy on myself, won't I
stop trying? Won't I become lazy, or smug, or the kind of person who never
takes responsibility for anything?</p>
<p>It is an understandable fear, and it deserves a careful answer rather than
a reassuring slogan. Many of the people who ask it are doctors, nurses and
therapists, and many of them have relied on a harsh inner voice for years. It
got them through exams. It kept them working late. It is not surprising that
they are reluctant to let it go.</p>
<h2>What the harsh voice costs</h2>
<p>In my experience in the consulting room, and in the research I have read
over the years, harsh self-criticism tends to make people more afraid of
failure, more likely to avoid difficult tasks, and slower to recover after a
setback. It is a poor motivator over the long run because it works through
threat. Threat narrows attention and pushes us towards escape: we
procrastinate, hide mistakes, or stop attempting the things we might fail
at.</p>
<p>Kindness towards oneself does something different. It makes it safer to
look honestly at what went wrong, because looking no longer means being
attacked. People who treat themselves with more understanding after a mistake
often seem more willing, not less, to own it and put it right.</p>
<h2>Three things self-compassion is not</h2>
<ul>
<li>It is not <em>self-pity</em>, which tends to isolate us in our troubles
and makes them seem bigger than anyone else's. Self-compassion includes the
recognition that struggling is part of being human: other people find this
hard too.</li>
<li>It is not <em>self-esteem</em>, which usually depends on doing well, and
often on doing better than others. Self-compassion is available precisely
when we have done badly.</li>
<li>It is not <em>letting ourselves off</em>. It often asks more of us, not
less: to make the apology, to see the doctor, to change the habit.</li>
</ul>
<blockquote><p>A good coach does not shout at an injured runner. A good coach
says: that hurts, let's look at it, and let's work out what you need to get
back on the track.</p></blockquote>
<h2>What it looks like in practice</h2>
<p>Psychologists who study self-compassion often describe three strands:
kindness rather than harsh judgement, a sense of common humanity rather than
isolation, and mindful awareness of painful feelings rather than either
drowning in them or pushing them away. In everyday terms that might sound
like: "this is hard; anyone in my position would find it hard; and I can
take a breath before deciding what to do."</p>
<p>In therapy, the work often begins with simply hearing the critical voice
clearly. People are frequently surprised, when they slow down, by how harsh
it is, and by whose voice it sounds like: a parent, a teacher, a consultant
on a ward round long ago. Recognising that the voice was learned, and once
served a purpose, can make it easier to answer it.</p>
<p>None of this requires believing that we are wonderful. It only requires
treating ourselves as we would treat someone we care about who was going
through the same thing. Most of us already know how to do that for others.
The skill is in turning it round.</p>
<h2>A small experiment</h2>
<p>Try this the next time you make a mistake. Notice the first thing you say
to yourself, and write it down word for word if you can. Then ask what you
would say to a good friend who had made the same mistake. Write that down
too. Read the two side by side, and ask which of them is more likely to help
you do better next time.</p>
<p>If you would like to read more, <a
href="https://self-compassion.org/">Kristin Neff's site</a> has a short
questionnaire and guided practices. I have written more about compassion in
clinical work in a <a
href="/posts/compassion-in-the-consulting-room-1st-post/">short series</a>,
which starts with a definition.</p>
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
to start with a definition, because the word is used loosely, and because a
vague idea of compassion is easy to admire and hard to practise.</p>
<p>A useful working definition has two parts: <em>sensitivity</em> to
suffering in ourselves and others, and a <em>commitment</em> to try to relieve
and prevent it. The first part is about noticing; the second is about doing.
Both matter. Noticing without doing can turn into helpless distress, and doing
without noticing can turn into brisk efficiency that misses what the person
actually needs.</p>
<h2>Compassion and empathy</h2>
<p>Compassion is often confused with empathy, and the difference is worth
drawing out. Empathy, in the sense of feeling what another person feels, is
valuable but can be exhausting if it is all we have: taking on each patient's
distress, one after another, is a recipe for overwhelm. Compassion includes an
element of warmth and steadiness. We stay in touch with the other person's
pain without being swept away by it, and our attention turns towards what
might help.</p>
<p>This distinction has practical consequences. Some of what is called
"compassion fatigue" may be better described as empathic distress: the strain
of feeling with others without the resources to respond. If that is right,
the remedy is not to care less but to care in a way that includes ourselves.</p>
<blockquote><p>Compassion is not a feeling we wait for. It is a direction we
turn towards, again and again.</p></blockquote>
<h2>What it looks like in a consultation</h2>
<p>Most of the time compassion in clinical work is undramatic. It is looking
up from the screen when someone says something difficult. It is explaining a
result in words the person can take home. It is remembering, at the end of a
long clinic, that this patient has waited weeks for this appointment even if
it is our twentieth of the day.</p>
<p>In the <a href="/posts/compassion-in-the-consulting-room-2nd-post/">next
post</a> I will look at what gets in the way of compassion in busy clinical
settings, and in the third at what helps.</p>
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
post</a> I offered a working definition of compassion: noticing suffering, and
committing to do something about it. Here I want to look at what gets in its
way. Most clinicians I meet did not lose their compassion through any failing
of character. It was worn down by the conditions they work in.</p>
<p>Here are the obstacles I hear about most often, in roughly the order in
which people raise them.</p>
<ol>
<li><strong>Time pressure.</strong> Ten-minute appointments push attention
towards the task and away from the person. When the waiting room is full,
every open question feels like a risk.</li>
<li><strong>Threat.</strong> Fear of complaints, mistakes or an inspection
narrows attention. It is hard to be open-hearted while feeling under
attack, and easy to retreat into procedure.</li>
<li><strong>Exhaustion.</strong> Compassion draws on energy. When there is
none left, detachment is a natural way to protect ourselves, and it can
become a habit that outlasts the tiredness.</li>
<li><strong>Isolation.</strong> Clinicians who have no one to talk to about
difficult cases tend to carry them home. Over time the load becomes too
heavy to notice each new one.</li>
<li><strong>Moral distress.</strong> Knowing what a patient needs and being
unable to provide it, because of a waiting list or a missing service, is
corrosive. Some people cope by ceasing to look too closely.</li>
</ol>
<p>None of these is a personal failing. They are predictable effects of the
conditions many clinicians work in, which is why the answer cannot only be
individual resilience. Telling a doctor in an understaffed department to be
more compassionate is a little like telling someone in a cold house to shiver
more efficiently.</p>
<p>And yet individual practice is not useless either. The obstacles work
partly through our own nervous systems: threat and exhaustion change what we
can perceive. Small practices that calm the alarm system a little can widen
attention enough to notice the person in front of us again. The point is to
hold both truths at once: the system needs to change, and in the meantime we
can look after the part of it that is us.</p>
<p>The <a href="/posts/compassion-in-the-consulting-room-3rd-post/">last
post</a> in the series looks at what helps, for individuals and for
teams.</p>
""",
    },
    {
        "slug": "compassion-in-the-consulting-room-3rd-post",
        "series_position": 3,
        "title": "Compassion in the consulting room (3rd post)",
        "published": "2025-02-09 09:00",
        "tags": ["compassion", "wellbeing", "therapeutic relationship"],
        "body": """
<p>The last post in this short series is about what helps. Having described
<a href="/posts/compassion-in-the-consulting-room-2nd-post/">what gets in the
way</a>, I want to be practical. Some of what follows is personal practice,
and some of it is about how teams and services are organised. Neither is
enough on its own.</p>
<h2>For individuals</h2>
<ul>
<li><strong>A brief pause before each consultation</strong>, even one breath,
to arrive before the next person does.</li>
<li><strong>Noticing our own distress</strong> with the same kindness we would
offer a patient, rather than pushing it down until the drive home.</li>
<li><strong>Supervision or peer support</strong> where it is safe to talk
about how the work feels, not only about what was done.</li>
<li><strong>Something outside work</strong> that is restoring rather than
merely distracting. For some people that is exercise, for others music, for
others a regular practice of meditation.</li>
</ul>
<h2>For teams</h2>
<ul>
<li>Protected breaks that actually happen, and a culture in which taking them
is not a sign of weakness.</li>
<li>Leaders who model kindness when things go wrong, and who ask "what
happened?" before "who did this?"</li>
<li>Time to debrief after difficult events, even briefly, before everyone
scatters.</li>
<li>Small rituals of appreciation. A thank-you at handover costs nothing and
is remembered for a long time.</li>
</ul>
<h2>For the people who run services</h2>
<p>Compassionate care depends on conditions that individuals cannot create by
themselves: manageable caseloads, continuity with the same patients, and
enough say over one's own work. These are not luxuries. They are the soil in
which compassion grows or withers, and they deserve as much attention as any
training course.</p>
<blockquote><p>Compassion for patients and compassion for staff are not rival
claims on a fixed budget. Each makes the other more likely.</p></blockquote>
<p>Thank you for reading the series. If you would like to start where it
started, the <a href="/posts/compassion-in-the-consulting-room-1st-post/">first
post</a> sets out a working definition, and the post on <a
href="/posts/self-compassion-is-not-self-indulgence/">self-compassion</a>
looks at turning the same kindness inwards.</p>
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
modest, and some studies are small, but they are consistent enough to take
seriously.</p>
<p>What interests me clinically is not the size of the effect but the
direction of attention. Depression and anxiety pull attention inwards,
towards threat and self-evaluation. Kindness turns it outwards, towards
connection. For someone who has spent weeks inside their own head, carrying
a neighbour's shopping can be a small holiday from it.</p>
<p>There is a caveat. Kindness offered out of duty, or to people who exhaust
us, does not seem to bring the same benefit, and carers who never stop giving
are at risk of running dry (I have written about <a
href="/posts/key-points-from-a-year-of-reading-on-burnout/">burnout</a>
elsewhere). The point is not to do more for others. It is to notice the
small, freely chosen acts that are already possible.</p>
<p>I see this most clearly in people recovering from a long spell of
depression. Advice to "do things you enjoy" can feel impossible when nothing
feels enjoyable. Doing something small for someone else is sometimes easier
to begin, because it does not depend on our own mood, and it brings a
moment of contact with another person that the illness has often taken
away.</p>
<h2>A gentle suggestion</h2>
<p>For one week, note one small kind act each day: something done, not only
intended. At the end of the week, notice whether anything has shifted, in you
or around you.</p>
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
<p>Draft, not for publishing yet. Shame versus guilt: guilt says "I did a bad
thing", shame says "I am bad". Guilt tends to lead to repair; shame tends to
lead to hiding.</p>
<p>Points to cover:</p>
<ul>
<li>Why shame is so hard to talk about in therapy, and how it shows up
instead: silence, changing the subject, missed sessions.</li>
<li>The therapist's own shame, and what it does to the room.</li>
<li>How compassion-focused approaches work with the urge to hide.</li>
</ul>
<p>Check the examples with supervision before this goes anywhere near the
blog.</p>
""",
    },
]
