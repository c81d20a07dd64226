"""Demo posts on everyday practice: short exercises, worry, sleep, walking."""

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
long enough for a practice that many of the doctors and nurses I teach now use
several times a day: the three-minute breathing space.</p>
<p>It comes from mindfulness-based cognitive therapy, where it was designed as
a bridge between the longer formal practices and ordinary life. Its great
virtue for clinicians is that it needs no cushion, no quiet room and no
particular mood. It can be done standing at a photocopier. It can be done in
ninety seconds if that is all there is.</p>
<p>The practice is often taught in three steps, shaped like an hourglass: wide,
then narrow, then wide again.</p>
<ol>
<li><strong>Arrive.</strong> Notice what is here right now: thoughts, feelings,
sensations in the body. Name them quietly, without trying to change them:
"tired", "irritated", "worried about the last patient".</li>
<li><strong>Gather.</strong> Bring attention to the breath low in the belly,
following a handful of breaths in and out. When attention wanders, and it will,
bring it back without comment.</li>
<li><strong>Expand.</strong> Widen attention to the whole body, the posture,
the room, and carry that wider awareness into whatever comes next.</li>
</ol>
<p>Nothing needs to go well for the practice to count. If the mind is busy,
the practice was noticing that it is busy. If you feel worse afterwards, that
is information too: perhaps you have been running on fumes for longer than you
realised.</p>
<blockquote><p>The point is not to feel calm. The point is to be here, for a
moment, before the next thing begins.</p></blockquote>
<p>A few practical suggestions from people who have kept this going for
years. Tie it to something that already happens, such as washing your hands
or logging in. Do it before you need it, not only when the day has gone wrong.
And tell a colleague: practices that are shared tend to survive busy weeks
better than private ones.</p>
<p>A word of caution. Short practices like this one are generally gentle, but
mindfulness is not the right tool for everyone at every moment. If turning
attention inwards brings up something overwhelming, stop, open your eyes, and
notice the room around you. A trained teacher can help you find a way of
practising that suits you.</p>
<p>If you would like a longer introduction, the <a
href="https://www.nhs.uk/mental-health/self-help/tips-and-support/mindfulness/">NHS
page on mindfulness</a> is a sensible, balanced place to start, and the
one-page guide below can be printed and kept by the kettle. When the day
leaves no room even for this, <a
href="/posts/walking-meditation-for-people-who-cannot-sit-still/">walking
practice</a> can be folded into the trip down the corridor.</p>
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
end up more tired and more anxious, with the problem unchanged and the evening
gone.</p>
<p>Worry looks forward ("what if the results are bad?") and rumination tends
to look back ("why did I say that?"), but they share a shape. Both are
repetitive, both are hard to stop once they start, and both promise a
resolution they rarely deliver. Most of us do some of each. It becomes a
problem when it takes up hours of the day, or when it keeps low mood and
anxiety going long after the thing that started them.</p>
<h2>Two ways of thinking about the same problem</h2>
<p>It helps to tell two kinds of thinking apart. <em>Concrete</em> thinking
asks "what happened, and what is the next small step?" <em>Abstract</em>
thinking asks "why does this always happen to me, and what does it say about
me?" Researchers who study rumination have found that the abstract,
evaluative style is the one most closely linked with getting stuck, while the
concrete style tends to move people on. Some therapies now train people to
notice the switch and to shift, deliberately, from "why" to "how".</p>
<p>In the consulting room this often sounds very ordinary. Someone who has
spent a week asking why their manager dislikes them might, with some help,
arrive at: "I could ask her on Thursday what she needs from the report."
That sentence does not settle the deeper question, but it gives the mind
something to do other than circle.</p>
<h2>A small experiment</h2>
<ol>
<li>Notice when you have been going round the same loop for a while. A useful
sign is that you are rehearsing the same sentences.</li>
<li>Ask: is there one action I can take in the next day?</li>
<li>If there is, write it down, with a time. If there is not, say so to
yourself plainly: "there is nothing to do about this tonight".</li>
<li>Then bring attention back, gently and repeatedly, to what you can see,
hear and feel right now.</li>
</ol>
<p>This is not about suppressing thoughts, which tends to backfire: the more
firmly we tell ourselves not to think about something, the more often it
returns. It is about changing our relationship to the thoughts, so that they
can come and go without our having to follow each one.</p>
<h2>When it is more than a habit</h2>
<p>If rumination or worry fills most days, or comes with persistent low mood,
poor sleep or thoughts that life is not worth living, please talk to your GP.
Talking therapies help many people with exactly this, and you do not have to
wait until it is unbearable to ask. The <a
href="https://www.nhs.uk/every-mind-matters/">Every Mind Matters</a> pages
have some good first steps, and the post on <a
href="/posts/sleep-stress-and-the-bodys-alarm-system/">sleep and stress</a>
looks at the worry that keeps people awake.</p>
""",
    },
    {
        "slug": "sleep-stress-and-the-bodys-alarm-system",
        "title": "Sleep, stress and the body's alarm system",
        "published": "2025-09-02 07:30",
        "tags": ["sleep", "stress", "wellbeing"],
        "body": """
<p>Few things make people feel as desperate as a run of bad nights. And few
things make sleep harder than feeling desperate about it. Much of what I have
learned about insomnia, from patients and from my own worst weeks, comes back
to that loop.</p>
<p>The body's alarm system is very good at keeping us awake when it senses
danger. That is its job: an animal that slept soundly with a predator nearby
would not have been anyone's ancestor. Unfortunately the alarm does not
distinguish well between a predator and a worry about tomorrow's meeting, or a
worry about not sleeping. Lying in bed trying hard to sleep is, to the alarm
system, a lot like lying in bed on guard.</p>
<h2>How a few bad nights become a pattern</h2>
<p>Most short spells of poor sleep settle by themselves once the stress that
started them has passed. Sometimes, though, the things we do to cope keep the
problem going. We go to bed earlier to catch up, and lie awake longer. We have
a lie-in, and are not sleepy at bedtime. We start to dread the bedroom, and
the dread itself becomes the thing that wakes us. None of this is foolish:
each step makes sense at the time. Together they can turn a rough patch into
months of insomnia.</p>
<h2>What tends to help</h2>
<ul>
<li>Keeping a regular getting-up time, even after a poor night. This is
usually the single most useful change, and the hardest.</li>
<li>Going to bed when sleepy rather than when the clock says so.</li>
<li>Using the bed for sleep, not for worrying, working or scrolling.</li>
<li>Getting up for a while if sleep will not come, doing something calm in dim
light, and returning when sleepy.</li>
<li>Giving worries a time earlier in the evening: ten minutes with a notebook,
writing down what is on your mind and one next step for each item.</li>
<li>Treating wakefulness with curiosity rather than alarm. A night of broken
sleep is unpleasant, but most people cope with the following day better than
they fear.</li>
</ul>
<p>Mindfulness can help here, though perhaps not in the way people expect.
The aim is not to use a practice to knock ourselves out. It is to let the
body rest while the mind does what it does, without adding a second layer of
struggle. Some people find that a slow body scan in bed helps; others find it
makes them more alert and prefer to practise earlier in the evening.</p>
<p>Two other things are worth a mention, because they are so often
overlooked. Caffeine lasts longer in the body than most people think, so an
afternoon coffee can still be working at bedtime. And alcohol, which many
people use to get off to sleep, tends to make the second half of the night
lighter and more broken.</p>
<p>People who work shifts face a harder version of all this, because the
regular getting-up time that helps most is the one thing a rota takes away.
If that is you, it is still worth protecting whatever regularity you can, a
dark and quiet room for daytime sleep, and a short, planned nap before a
night shift rather than a long one after it.</p>
<h2>When to ask for help</h2>
<p>Persistent insomnia deserves proper help, not just tips. Cognitive
behavioural therapy for insomnia (often shortened to CBT-I) has good evidence
behind it and is widely recommended as the first treatment to try for
long-standing sleep problems. Many people can now reach it through their GP,
sometimes as a guided online course.</p>
<p>It is also worth seeing a doctor if you snore loudly and feel very sleepy
during the day, if your legs are restless at night, or if poor sleep comes
with low mood that does not lift. These can have causes of their own that are
worth finding. The <a href="https://www.nhs.uk/conditions/insomnia/">NHS
insomnia page</a> is a good starting point, and <a
href="/posts/rumination-and-worry-why-thinking-harder-rarely-helps/">this
post on rumination</a> says more about the thinking that keeps the alarm
switched on.</p>
""",
    },
    {
        "slug": "walking-meditation-for-people-who-cannot-sit-still",
        "title": "Walking meditation for people who cannot sit still",
        "published": "2026-04-11 10:00",
        "tags": ["mindfulness", "wellbeing"],
        "body": """
<p>Some people find sitting meditation close to unbearable. Their bodies
fidget, their minds race, and after a few attempts they conclude that
mindfulness is "not for them". Walking practice is often a better way in.</p>
<p>There is nothing second-best about it. Walking has been part of
contemplative traditions for a very long time, and for people who are
restless, anxious or simply full of energy, movement gives attention
something to rest on. The body is doing something, so the mind does not have
to be held still by force.</p>
<h2>How to try it</h2>
<ol>
<li>Find a stretch of floor or path about ten paces long.</li>
<li>Stand for a moment and feel your weight through the soles of your
feet.</li>
<li>Walk slowly, feeling the lifting, moving and placing of each foot.</li>
<li>At the end, pause, turn, and walk back.</li>
<li>When the mind wanders, notice where it went, and return to the feet.
There is no need to tell yourself off: wandering and returning is the
practice.</li>
</ol>
<p>Five or ten minutes is plenty to begin with. Some people like to walk very
slowly; others prefer a normal pace, with attention on the rhythm of the steps
or the air on their face. Experiment, and notice what helps you stay present
rather than what looks most like meditation.</p>
<h2>Practice in the city</h2>
<p>Edinburgh is a good city for this. The <a
href="https://www.rbge.org.uk/">Royal Botanic Garden</a> has quiet paths, the
Water of Leith walkway follows the river for miles, and even a walk along a
busy street can become practice if we keep bringing attention back to the
body. Traffic, voices, gulls and the smell of rain on stone are all things to
notice, not distractions from the real thing.</p>
<p>If you already walk to work, you may not need to add anything at all: just
choose one stretch of the journey, perhaps from one junction to the next, to
walk with your attention on your feet. It is the same practice as the <a
href="/posts/three-minute-breathing-space-for-busy-clinicians/">breathing
space</a>, done on the move.</p>
""",
    },
    {
        "slug": "loving-kindness-practice-a-gentle-introduction",
        "title": "Loving-kindness practice: a gentle introduction",
        "scheduled_in_days": 7,
        "tags": ["compassion", "mindfulness"],
        "body": """
<p>Loving-kindness practice asks us to wish ourselves and others well, using
simple phrases repeated slowly. For many people it feels awkward at first, a
little sentimental, even false. That is completely normal, and it is not a
sign that you are doing it wrong.</p>
<p>The practice comes from Buddhist traditions and has been adapted for
secular settings, including several compassion-based therapies. The idea is
not to manufacture warm feelings on demand. It is closer to training an
intention: turning, again and again, towards goodwill, whether or not the
feeling comes along.</p>
<h2>A simple way to begin</h2>
<ol>
<li>Sit comfortably and let the breath settle for a minute.</li>
<li>Bring to mind someone it is easy to feel warmly towards: a friend, a
grandparent, a pet.</li>
<li>Offer them a few phrases silently, at an unhurried pace. For example: may
you be safe; may you be well; may you live with ease.</li>
<li>After a while, offer the same phrases to yourself.</li>
<li>Later, if it feels right, widen the circle: someone you barely know, then
someone you find difficult, then everyone.</li>
</ol>
<p>Choose words that feel natural to you. Some people prefer "I hope you are
all right" to anything that sounds like a blessing, and that is fine: the
phrases are a support for attention, not a formula.</p>
<h2>When it stirs up something difficult</h2>
<p>Sometimes offering kindness to ourselves brings up the opposite: grief,
loneliness, or the memory of times when no one was kind. Some teachers call
this "backdraft", like the rush of air when a door is opened on a fire. It
can be a sign that something long shut away is being reached. Go gently. Open
your eyes, come back to the breath or the feet on the floor, and return to an
easier person. If the feelings are strong or persistent, it is worth talking
them through with a therapist.</p>
""",
    },
]
