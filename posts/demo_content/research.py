"""Demo posts on research: a round-up, a conference diary and a year's reading.
The long ones: each has three or more headings, so its page shows a table of
contents."""

POSTS = [
    {
        "slug": "research-round-up-the-therapeutic-alliance",
        "title": "Research round-up: the therapeutic alliance and outcomes",
        "published": "2024-06-18 07:45",
        "tags": ["research", "therapeutic relationship", "psychotherapy"],
        "body": """
<p>Every few months I gather what I have been reading into a round-up. This
one is about the <strong>therapeutic alliance</strong>: the working
relationship between a client and a therapist. It is one of the most studied
ideas in psychotherapy research, and one of the most often misunderstood, so I
want to set out what I think the evidence does and does not show.</p>
<h2>What we mean by the alliance</h2>
<p>The definition most researchers use goes back to the psychologist Edward
Bordin, who described the alliance as having three parts: agreement on the
<em>goals</em> of therapy, agreement on the <em>tasks</em> that will get
there, and the <em>bond</em> between the two people. The bond matters, but so
does the more workmanlike business of agreeing what the work is for and how
it will be done.</p>
<p>That last point is easy to miss. A warm relationship in which the client
and therapist quietly disagree about what they are doing is not a strong
alliance in this sense. Many of the ruptures I see in supervision begin there:
the therapist thinks the work is about one thing, the client thinks it is
about another, and neither has said so.</p>
<h2>The evidence, as an abstract</h2>
<p>Research papers open with an abstract: a paragraph that says what was
asked, how, what was found and what it means. No one has written one for the
whole field, so here is mine. It is my own summary of the large reviews I have
read, not a quotation from any of them.</p>
<blockquote><p><strong>Question.</strong> Is the quality of the relationship
between client and therapist related to how well therapy goes?
<strong>Evidence.</strong> Hundreds of studies, pooled in several large
meta-analyses, covering adults in individual therapy of many kinds: cognitive
behavioural, psychodynamic, humanistic and others. <strong>Findings.</strong>
A stronger alliance, particularly early in treatment, is consistently
associated with better outcomes. The association is modest, of the order of a
correlation of 0.25 to 0.3, and holds whether the alliance is rated by the
client, the therapist or an observer; client ratings tend to predict outcome
best. <strong>Caution.</strong> Most studies are correlational. Clients who
improve early may simply like their therapist more, so the direction of cause
is hard to establish. <strong>Conclusion.</strong> The alliance is a reliable
marker of good therapy and probably, in part, a cause of it.</p></blockquote>
<p>A correlation of that size sounds small, and in one sense it is: the
alliance is far from the whole story. But it is comparable to, or larger than,
the differences usually found between one brand of therapy and another, which
is worth remembering when those differences are argued over with great
passion.</p>
<h2>Key points</h2>
<ol>
<li><strong>The relationship matters in every model of therapy</strong>, not
only in the "relational" ones. A protocol delivered without an alliance tends
to go less well than the same protocol delivered with one.</li>
<li><strong>The client's view counts most.</strong> Therapists are not
especially good at judging how the relationship feels from the other chair,
and their ratings often differ from their clients'.</li>
<li><strong>Ruptures are common and can be useful.</strong> Strains and
misunderstandings happen in most therapies. Researchers such as Jeremy Safran
and Christopher Muran have described how noticing and repairing them can
strengthen the work rather than damage it.</li>
<li><strong>Asking is simple and underused.</strong> Short questionnaires at
the end of a session, and routine feedback on progress, seem to help most
with clients who are not improving, exactly the ones a therapist is most
likely to misjudge.</li>
<li><strong>The evidence is about averages.</strong> It cannot tell us what
a particular client needs. It can tell us that the question is worth asking,
every time.</li>
</ol>
<h2>What the research does not show</h2>
<p>It is worth being clear about the limits, because the alliance is
sometimes used to argue that technique does not matter, or that any warm
therapist will do. The evidence supports neither claim. Most studies measure
the alliance and the outcome in the same therapy and cannot say which came
first. Some clients do well with therapists they describe as businesslike,
and some warm relationships produce little change. The alliance is better
thought of as the setting in which techniques either work or do not: the
medium, rather than a substitute for the message.</p>
<h2>What this means in the room</h2>
<p>For my own practice the message is modest and practical. Agree goals
explicitly and revisit them. Check, out loud, whether the way we are working
makes sense to the client. Treat a missed session or a flat "fine" as a
possible sign of a rupture rather than an inconvenience. And take the
client's account of the relationship seriously, especially when it differs
from mine.</p>
<p>None of this is new, and good therapists have always done it. What the
research adds is a reason to keep doing it when the pressure of a waiting
list pushes us towards getting on with the technique.</p>
<h2>Further reading</h2>
<p>If you want to read the reviews yourself, a search of <a
href="https://pubmed.ncbi.nlm.nih.gov/?term=therapeutic+alliance+outcome+meta-analysis">PubMed
for alliance and outcome meta-analyses</a> is a good starting point; many of
the larger ones are free to read. For the clinical side, my series on <a
href="/posts/compassion-in-the-consulting-room-1st-post/">compassion in the
consulting room</a> comes at the same relationship from another angle.</p>
""",
    },
    {
        "slug": "conference-diary-three-days-of-mindfulness-research-in-glasgow",
        "title": "Conference diary: three days of mindfulness research in Glasgow",
        "published": "2024-10-07 21:15",
        "tags": ["conferences", "mindfulness", "research"],
        "body": """
<p>I took the train through to Glasgow last week for a three-day meeting on
mindfulness and compassion in health care: researchers, teachers and
clinicians, several hundred of us, in a conference centre by the Clyde. These
are my notes, tidied up a little on the way home. Where I quote a speaker the
words are from my notebook and may not be exact, so I have left names
out.</p>
<h2>Wednesday 2 October: a workshop before the crowds</h2>
<p>The first day was a small pre-conference workshop for people who teach
mindfulness courses in the NHS. About thirty of us sat in a circle and talked
about what happens when a course is squeezed into a busy service: the eight
weeks become six, the sessions become shorter, the silent day disappears.</p>
<p>Nobody pretended to know exactly what is lost. But several teachers made
the same observation: the parts that get cut first are the parts that look
least like teaching, such as the long silences and the time after a practice
when people simply say what they noticed. Those are often the parts
participants remember.</p>
<p>The discussion that stayed with me was about language. Several teachers
had stopped using the word "homework" for home practice, because for many
participants it brought back school and the fear of being found out. One now
asks people at the start of each session what they "found time for", which
leaves room for the answer "nothing" without shame.</p>
<p>In the evening I walked along the river, which was high and brown after a
week of rain, and ate too late in a small Italian place near the station.</p>
<h2>Thursday 3 October: the question of dose</h2>
<p>The opening plenary asked a question I hear from patients all the time:
how much practice is enough? The honest answer from the speakers was that we
do not yet know. Studies that ask people to record their home practice find
weak and inconsistent links with outcome, and recording practice may itself
change it. One speaker suggested that we have been measuring the wrong thing:
not minutes on the cushion but how often people remember, in the middle of an
ordinary day, to pause.</p>
<blockquote><p>A phrase I wrote down: "we are counting minutes because minutes
are easy to count."</p></blockquote>
<p>The afternoon brought a session on harms, which I was glad to see given a
full slot rather than a poster. Most people who take part in mindfulness
courses report no lasting difficulties, but a minority find practice
distressing, and a smaller number have experiences that unsettle them for
some time. The speakers were careful and unsensational. Their main message
was that teachers should ask about difficulties as routinely as they ask
about benefits, and that courses should make it easy to stop.</p>
<p>Over lunch I went round the posters, which at meetings like this are
often where the most interesting work is hiding. A group of nurses had asked
night-shift staff which short practices they actually used, and found that
the favourite was not a meditation at all but a deliberate pause at the
drugs trolley before each round. A pair of psychology students had tried to
measure mind-wandering with a phone app that buzzed at random moments, and
were refreshingly frank about how often people ignored it.</p>
<p>Later there was a lively panel on online courses. The evidence that they
can help is reasonable; the evidence about who they help, and who drops out
unnoticed, is thinner. One panellist pointed out that a course completed
alone at midnight is a very different experience from a course in a room
with other people, and that we should be cautious about treating the two as
interchangeable just because the recordings are the same.</p>
<p>I spent the evening with two old colleagues from training, one now a GP in
the Highlands and one running a psychology service in the north of England.
We agreed that the hardest part of our work had changed little in twenty
years: not the patients, but finding the time to think.</p>
<h2>Friday 4 October: teaching the teachers</h2>
<p>The last day moved from outcomes to training. Several speakers argued that
the quality of the teacher's own practice shows up in the room in ways that
checklists struggle to capture. Others pushed back: if we cannot describe
good teaching, we cannot train people in it or notice when it is missing. I
came away thinking that both are right, and that supervision is where the
two meet.</p>
<p>A mid-morning session on teaching medical students was the one I had most
looked forward to, and it did not disappoint. The presenters had offered a
short, optional course in the middle of a demanding clinical year. Uptake was
low at first and rose by word of mouth. What students valued most, they
reported, was not the practices themselves but permission: to admit that they
were struggling, and to hear senior doctors say that they had struggled
too.</p>
<blockquote><p>Another line from my notebook: "we teach what we practise, not
what we know."</p></blockquote>
<p>The closing session was on compassion-based approaches for health-care
staff, and it returned to a theme that had run through the whole meeting:
individual practice can help people cope with difficult work, but it should
never become a way of asking staff to absorb conditions that ought to change.
That point got the longest applause of the three days.</p>
<h2>Saturday 5 October: on the train home</h2>
<p>Conferences leave me with more questions than answers, which is probably
as it should be. Three things I am taking home:</p>
<ul>
<li>Be more modest about dose when I recommend practice, and more curious
about what people actually do between sessions.</li>
<li>Ask about difficulties as routinely as I ask about benefits, and say at
the start of a course that stopping is always allowed.</li>
<li>Protect my own practice when the diary fills up, since it seems to matter
to the people I teach as well as to me.</li>
</ul>
<p>For the research on the relationship between therapist and client, which
came up more than once in the corridors, see my earlier <a
href="/posts/research-round-up-the-therapeutic-alliance/">round-up on the
therapeutic alliance</a>. If you are curious about how mindfulness courses
are taught and evaluated in the UK, the <a
href="https://www.oxfordmindfulness.org/">Oxford Mindfulness Centre</a> has
accessible introductions.</p>
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
workers, partly for teaching and partly because I have seen it in too many
colleagues. Rather than a long review, here are the points that have stayed
with me, with some thoughts on what they mean in practice.</p>
<h2>Key points</h2>
<ol>
<li><strong>Burnout has three faces.</strong> It is usually described as
emotional exhaustion, cynicism or detachment from the people we serve, and a
reduced sense of accomplishment. People can have one without the others, and
the detachment is often the part they notice last.</li>
<li><strong>It is a response to work, not a weakness.</strong> The World
Health Organization classes burnout as an occupational phenomenon rather
than a medical condition. That framing matters: it points to the conditions
of work, not to a flaw in the worker.</li>
<li><strong>The usual suspects are reliable.</strong> Heavy workload, little
control over how the work is done, lack of recognition, poor relationships
at work, a sense of unfairness and a mismatch between personal values and
what the job demands come up again and again.</li>
<li><strong>Individual approaches help, within limits.</strong> Mindfulness
training, coaching and peer support seem to reduce symptoms for some people.
The effects are usually modest and work best alongside changes to how work
is organised, not instead of them.</li>
<li><strong>Recovery takes longer than expected.</strong> People who have
been burned out often describe months rather than weeks before they feel
like themselves again. Early support, and a gradual return, seem to make a
difference.</li>
<li><strong>It is not the same as depression</strong>, though the two
overlap and can be hard to tell apart. Someone whose low mood persists away
from work, or who has lost interest in everything rather than only the job,
should be assessed properly.</li>
</ol>
<blockquote><p>If the soil is poor, telling the plant to be more resilient
will only get us so far.</p></blockquote>
<h2>What I have changed in my teaching</h2>
<p>I used to introduce mindfulness courses for staff as a way of coping with
stress. I now introduce them more carefully: as one thing that may help, for
some people, alongside others. I say early on that a course cannot fix an
unworkable rota, and that noticing how tired you are is not the same as
agreeing to stay that tired. Participants have been noticeably more open
since I started saying it.</p>
<p>I have also stopped treating detachment as a moral failing. When a
colleague says they no longer feel anything for their patients, I hear a
nervous system protecting itself, and a signal that something needs to
change. The <a
href="/posts/compassion-in-the-consulting-room-2nd-post/">second post in my
compassion series</a> says more about this.</p>
<p>And I now ask teams about the small things: whether there is somewhere
to eat lunch away from patients, whether rotas are published in time for
people to plan their lives, whether anyone says thank you. These sound
trivial beside the large structural causes of burnout. They are not trivial
to the people who lack them, and they are often within a team's own
power to change.</p>
<h2>A note on therapists</h2>
<p>Most of the research is on doctors and nurses, and rather less on
psychotherapists and counsellors, though what there is suggests they are far
from immune. The load is different: fewer people in a day, but long hours of
listening closely to distressing stories, often alone with them afterwards.
Reasonable caseloads, regular supervision and colleagues to talk to between
sessions seem to protect against it. So, in my experience, does a life
outside the consulting room that has nothing to do with anyone's
suffering.</p>
<h2>If you recognise yourself</h2>
<p>If you recognise yourself in this list, please talk to someone: a
colleague, your GP, or an occupational health service. Doctors and nurses
are notoriously reluctant to do this, and notoriously good at explaining why
their own case is different. It usually is not. For the background, the <a
href="https://www.who.int/news/item/28-05-2019-burn-out-an-occupational-phenomenon-international-classification-of-diseases">WHO's
note on burnout</a> is short and clear, and if things feel very dark, the <a
href="https://www.samaritans.org/">Samaritans</a> are there day and night.</p>
""",
    },
]
