"""What the safeguarding matcher looks for (kiosk/feedback/safeguarding.py says how).

Three lists:
- DEFAULT_CONCERN_PHRASES: phrases made tolerant of spelling (see safeguarding.py);
- CONCERN_RULES: regular expressions for what a phrase cannot say, such as "got
  battered" with any words between, or "no food" but not "no food allowed";
- HARMLESS_CONTEXTS and EXCUSES: a few everyday words only ("hurt", "battered",
  "bullying", "want to die") are let off when the message shows a harmless
  context (sport, a game, a song, a lesson, hair dye, fun here). Every other
  phrase and rule counts wherever it is.

Rules and contexts read the message as plain words: lower case, apostrophes
dropped ("they'll" is "theyll"), every run of spaces and punctuation one space.
In a rule, " … " stands for up to three other words. Write a rule for a way
children really put it; check it against bench/concern_messages.tsv.
"""

# Lean towards a match, but not for a word children use every day for something
# else: "hit" alone is a hit song or hitting a ball, so only "hit me" and "hit us".
DEFAULT_CONCERN_PHRASES = (
    # Someone hurting them
    "hurt", "harm me", "hit me", "hit us", "beat me", "punch me", "kick me", "slap me",
    "choke me", "strangle", "burn me", "kill me", "abuse", "abusive", "neglect", "bully",
    "threaten",
    "batter me", "smack me", "whack me", "leather me", "belt me", "shove me", "push me",
    "grab me", "drag me", "hurt me", "hurt us", "good hiding", "bruise", "black eye",
    # Sexual harm
    "rape", "rapist", "molest", "touch me", "touched my", "private parts", "privates",
    "sex with me", "nudes", "naked pictures", "naked photos", "groom me", "groomed",
    "our secret", "not allowed to tell",
    "special friend", "private chat", "mature for my age", "be nice to him",
    # Not safe
    "unsafe", "not safe", "dont feel safe", "not feel safe", "scared to go home",
    "afraid to go home", "frightened to go home", "dont want to go home", "scared of my",
    "afraid of my", "run away from home", "no food at home",
    "nobody cares", "no one cares", "sleep on the floor", "mould", "forget about us",
    # Exploited, threatened
    "burner", "trap house", "county lines", "stash", "debt", "shank", "jump me", "rush me",
    "pattern me", "wet up", "wet me", "merk", "stab", "knife",
    # Self-harm and suicide
    "self harm", "harm myself", "cut myself", "kill myself", "kms", "kill yourself", "kys",
    "suicide", "suicidal", "sucide", "suiside", "want to die", "wanna die", "want 2 die",
    "want to be dead", "wish i was dead", "wish i were dead", "better off dead",
    "end my life", "take my own life", "end it all", "overdose", "hang myself",
    "no reason to live", "dont want to live", "not want to live", "dont want to be alive",
    "burn myself", "unalive", "ctb", "relapse", "burden", "goodbye letter", "goodbye note",
)  # fmt: skip

_HIT = (
    r"(?:battered|batterd|beaten|beat up|beat|hit|smacked|slapped|whacked|punched|kicked|"
    r"belted|leathered|thumped|knocked about|knocked around|shoved|strangled|choked|"
    r"a hiding|a slap(?! bracelet)|a beating|a smack|the belt|a kicking)"
)
_PARENT = r"(?:mum|mom|mam|mummy|mother|nan|nana|gran|her)"
_SIBLING = r"(?:brothers?|sisters?|siblings|bro|sis)"
_SECRET = r"secret(?! santa| garden| agent)"  # noqa: S105 (a word, not a password)
_PICTURE = r"(?:pics?|pix|pictures?|photos?|snaps|selfies|videos?|vids|nudes)"
_WHO = r"(?:he|they|man|guy|bloke|lad|lads|boys|older \w+|someone|somebody|adult|stranger)"
_HE_WILL = r"(?:gonna|gunna|gona|going to|goin to|will|wil|\w+ll|wanna|trying to|threatened to)"
_HARM = r"(?:jump|stab|shank|batter|beat|smash|cut|pattern|rush|burn|sort|get|kill|merk|wet|do|hurt|break|bang|slap|punch|kick|knife|attack)"  # noqa: E501
_ME = r"(?:me|us|my (?:face|head|legs?|house))"

# name: pattern. A name is what staff see beside a flagged message.
CONCERN_RULES = {
    # Hitting said in the passive or in slang
    "getting hit": (
        rf"(?:get|gets|got|getting|gettin|been|being|keep getting) (?!to )(?:\w+ )?{_HIT}"
    ),
    "was hit by": rf"(?:was|were|am|is|been) (?:\w+ )?{_HIT} (?:by|with|at home|again|every)",
    # "bully" alone is let off in a lesson; being bullied never is.
    "being bullied": (
        r"(?:get|gets|got|getting|been|being|am|im|was|is|keep getting) bullied|bull\w* (?:me|us)"
    ),
    "thrown at, dragged, held": (
        r"throw\w* … at (?:me|us)|threw … at (?:me|us)|by (?:the|my|her|his) "
        r"(?:neck|throat|hair|collar|ear)|pull\w* (?:my|her) hair|"
        r"(?:bang|bangs|banged|slammed|threw|throws|pushed|shoved) … (?:against|into) (?:the|a) "
        r"(?:wall|door|floor|table)|lock\w* (?:me|us|her|mum|my mum) in|"
        r"locked in (?:my|the|a|our) (?:room|bathroom|bedroom|cupboard|shed)"
    ),
    # Harm to a parent that the child sees at home
    "harm to a parent": (
        r"(?:hit|hits|hitting|batters?|battered|beats?|beating|beaten|punch\w*|kick\w*|slap\w*|"
        r"threw|throws|grab\w*|chok\w*|strangl\w*|push\w*|shov\w*|hurt\w*|kill|killed|"
        r"attack\w*|stab\w*|kicks off at|lock\w*|threatens?) (?:\w+ )?(?:my |me )?" + _PARENT
    ),
    "parent crying, police called": (
        r"(?:mum|mom|mam|mother) (?:\w+ )?(?:crying|cries|screaming|screams|hides (?:in|from))|"
        r"(?:ring|rang|call|called|phone|phoned) (?:\w+ )?(?:the )?police|"
        r"police (?:came|come|were called|was called|round)|blood (?:on|everywhere|all over)"
    ),
    "drunk at home": r"(?:is|was|gets|got|comes home|come home|hes|shes|always|when \w+) drunk",
    # Neglect said as something missing
    "nothing to eat, no heating": (
        r"(?:no|nothing|never any|not any|havent got any|aint got no|got no|never have) "
        r"(?:\w+ )?(?:food|heating|heat|electric|electricity|lecky|gas|hot water|beds?|"
        r"clean clothes)\b(?! allowed| fights?| in the (?:minibus|bus|tent|car|computer|"
        r"waiting|hall|tuck))|(?:nothing|never anything|not anything) (?:\w+ )?to eat|"
        r"cant (?:put|have|afford) (?:\w+ )?(?:heating|electric|food)"
    ),
    "always hungry": (
        r"(?:always|bed|every day|every night|all the time) hungry|"
        r"(?:hungry|starving) (?:at home|all the time|every day|every night)|"
        r"(?:havent|not|didnt|never) (?:eaten|ate) (?:since|for|all|in)"
    ),
    "left alone": (
        r"(?:left|leave|leaves|leaving) (?:me|us) (?:\w+ ){0,2}(?:on my own|on our own|alone|"
        r"by myself|home alone)|left (?:\w+ )?(?:on my own|on our own|alone|by myself)|"
        r"(?<!watched )(?<!watch )home alone|(?:by myself|on my own|on our own|alone) "
        r"(?:\w+ ){0,2}(?:for days|all weekend|all night|at night|overnight|for hours)|"
        r"(?:no one|noone|nobody) (?:is |was )?(?:home|in|about|around) when|"
        r"(?:goes|go|went) out for days"
    ),
    "looking after siblings": (
        rf"(?:look\w* after|feed|care for|get|do everything for|cook for) "
        rf"(?:my |our |the )?(?:\w+ )?(?:\w+ )?{_SIBLING}\b"
    ),
    "not cared for": (
        r"(?:clothes|uniform|shoes) … (?:dont fit|too small|smell|dirty|holes)|"
        r"(?:no one|noone|nobody) (?:washes|takes me|feeds|makes me)"
    ),
    # Grooming worded loosely
    "kept secret": (
        r"(?:keep|keeps|keeping|kept) (?:it|this|us|them|that) (?:a )?(?:secret|quiet)|"
        rf"(?:our|a) (?:little |special )?{_SECRET}|"
        r"just between (?:us|me and|you and)|between me and (?:him|her)|"
        rf"just (?:me and him|us) (?:that )?know|(?:we|i) (?:have|got|share) a {_SECRET}"
    ),
    "told not to tell": (
        r"(?:dont|do not|not to|cant|cannot|mustnt|never to|shouldnt|never) tell "
        r"(?:anyone|anybody|any1|no one|noone|nobody|(?:ur|your|my|me|his|her) (?:mum|mom|"
        r"mam|dad|parents|carers?|teachers?|nan|family|social worker|worker))|"
        r"(?:said|says|told me|tells me) (?:to )?(?:dont|not to|never) tell|"
        r"if i (?:ever )?tell(?! a\b| you a\b| jokes?)|"
        r"delet\w* … (?:messages|chats|texts|convos|dms|snaps|pics)"
    ),
    "asked for photos": (
        rf"(?:ask\w*|keeps asking|told|tells|make\w*|made|wants? me) (?:me )?(?:\w+ )?"
        rf"(?:to send|for|send) (?:\w+ ){{0,2}}{_PICTURE}|send (?:him|her|them) (?:\w+ ){{0,2}}"
        rf"{_PICTURE}|of my body|{_PICTURE} of me (?:in my (?:underwear|bra|pants)|with no|"
        r"without)|what (?:im|i am|ur|you are|your) wearing|"
        r"(?:video call|facetime)\w* … (?:in bed|in the bath|at night|alone)"
    ),
    "gifts from someone older": (
        r"(?:he|man|guy|bloke|lad|older \w+|someone|somebody|adult|stranger) "
        r"(?:\w+ ){0,3}(?:gives|gave|buys|bought|sends|sent|gets|got) (?:me|us) "
        r"(?:\w+ ){0,2}(?:money|vapes?|cigs|cigarettes|presents|gifts|weed|drinks?|alcohol|"
        r"phone|ipad|things|stuff|skins|vbucks|v bucks|robux|trainers|train ticket)"
    ),
    "meeting someone older": (
        r"(?:wants|want|asked|asks|asking|trying) (?:me )?to meet (?:up|him|her)|to meet him|"
        r"(?:lets|let|takes|took|picks|picked) me … (?:his car|for drives|for a drive|to his)|"
        r"in his car|back to his (?:house|flat|place)|"
        rf"{_WHO} (?:keeps |kept )?(?:adding|added|messaging|dming|texting|snapping) me|"
        r"(?:boyfriend|girlfriend|bf|gf)\b (?:\w+ ){0,3}(?:hes|shes|is) (?:1[89]|[2-9]\d)\b|"
        r"(?:1[89]|[2-9]\d) (?:year|yr)s? old (?:\w+ ){0,3}(?:loves? me|says|wants|keeps|gives)|"
        r"(?:says|said|told me) (?:its|it is|this is) normal|understands me like"
    ),
    # Self-harm in its own slang, and indirect suicidal thoughts
    "better off without me": (
        r"(?:better off|happier|easier|better) (?:\w+ ){0,2}(?:without me|if i (?:was|were|"
        r"wasnt|werent|died|am not|wasn t)\b)|"
        r"(?:no one|noone|nobody|no1) (?:would|will|wud|wld)? ?(?:care|notice|miss me)"
    ),
    "not wanting to be here": (
        r"(?:dont|dnt|do not) (?:want to|wanna|want 2) be (?:here|around|alive) "
        r"(?:anymore|any more|no more|no longer)|not (?:going to|gonna) be (?:here|around) "
        r"(?:much longer|for long|anymore)|(?:wish|wished) (?:\w+ ){0,2}(?:wasnt|was never|"
        r"never been|werent|hadnt been) born|sleep forever|disappear forever|"
        r"(?:sleep|bed) (?:\w+ ){0,2}(?:not|never) wake up|"
        r"(?:see|have) (?:a |any |no )?future for me|"
        r"(?:whats|what is|wats) the point (?:in|of) (?:anything|living|life|me|it all|trying)|"
        r"(?:cant|cannot) (?:do (?:this|it)|take (?:it|this)|cope|go on|carry on) (?:anymore|"
        r"any more|no more|no longer|much longer)|cant cope|"
        r"(?:think\w*|thought|want\w*|going|gonna|about) (?:\w+ ){0,2}(?:ending it|end it)|"
        r"jump\w* (?:off|in front of) (?:a |the )?(?:bridge|roof|building|cliff|train)|"
        r"just want (?:it all|everything) to stop"
    ),
    "hurting themself": (
        r"(?:scratch|cut|burn|bang|punch|hit)\w* (?:my (?:arms?|legs?|wrists?|skin|thighs?)|"
        r"walls?)|(?:till|until|til) (?:\w+ ){0,2}(?:bleed|bleeds|bled)|"
        r"(?:make|made|makes|making) myself (?:sick|throw up|puke|bleed)|"
        r"(?:stop\w*|not|quit) eating (?:on purpose|properly|anything)|starv\w* myself|"
        r"\d+ (?:days?|weeks?|months?) clean|\b(?:do|did|doing|started|urges? to) sh\b|"
        r"hide (?:my )?(?:arms|legs|wrists|cuts|scars|marks)|blades?|(?:took|taken|take|taking) "
        r"(?:loads of|a load of|lots of|too many|all (?:my|the)|a handful of) (?:\w+ )?"
        r"(?:tablets|pills|paracetamol)"
    ),
    # Exploitation with no harm word
    "carrying for others": (
        r"(?:make|makes|made|making|forcing|force) me (?:\w+ ){0,2}(?:carry|drop|deliver|sell|"
        r"steal|stash|shoplift|run for)|(?:carry\w*|drop\w*|deliver\w*|hold\w*|hid\w*|"
        r"tak\w*) (?:\w+ ){0,4}(?:for them|for him|for some|for older|for these|to people)|"
        r"drop\w* (?:off )?(?:stuff|packages?|parcels?|bags|things|drugs|gear)|"
        r"(?:doing|do|did|done) (?:the |some )?(?:runs|drops)\b|run for (?:them|him)|"
        r"sell\w* (?:weed|drugs|gear)|pays? me to (?:deliver|take|carry|hold|drop|sell)|"
        r"(?:train|towns?|cities|city) for (?:them|him)|to other towns|"
        r"lookout|on (?:a|the) line|going country|i (?:\w+ )?(?:go|went|keep going) missing"
    ),
    "owing money": (
        r"(?:owe|owes|owed|owing) (?:them|him|these|those|some|a man|this guy|the older|"
        r"the boys|the lads|\w+ (?:guy|man|lads|boys))\b|pay (?:them|him|it) back|"
        r"unless i (?:pay|do|keep|carry|give)|work it off|or else\b|"
        r"(?:give|hand) (?:them|him) (?:all )?my money"
    ),
    "phone given by others": (
        rf"{_WHO} (?:\w+ ){{0,2}}(?:gave|give|gives|given) me (?:a |another |this )?"
        r"(?:phone|burner|sim|mobile)|(?:answer|keep) … phone (?:on|whenever|all the time)|"
        r"whenever it rings"
    ),
    # Threats in slang
    "threatened": (
        rf"{_HE_WILL} (?:\w+ )?{_HARM}\w* {_ME}\b(?! back)|threat\w*|"
        r"(?:know|knows|found out) where i live|watch (?:your|ur|yer) back|"
        r"(?:posted|shared|put) my (?:address|number)|(?:im|your|ur|youre) dead when|"
        r"(?:coming|come|comin) for (?:me|us)|better not show (?:my|your|ur) face|"
        r"sort (?:me|us) out|(?:follow|follows|following|followed) me home|"
        r"wait\w* for me (?:at|after|outside)|(?:telling|tell|told|tells) me to (?:die|kill)|"
        r"(?:scared|afraid|frightened|terrified) (?:to|of) (?:go\w*|walk\w*) (?:\w+ ){0,2}"
        r"(?:home|school|out|outside)"
    ),
}

_SPORT = (
    r"\d+ (?:nil |to |v )?\d+|nil|football|footy|match|team|final|league|cup|tennis|netball|"
    r"rugby|cricket|rounders|dodgeball|ball|pe|score|scored|goals?|ref|tournament|race|"
    r"boxing|karate|snowball|keepy uppys"
)
_GAMES = (
    r"game|games|gaming|fifa|fortnite|minecraft|roblox|among us|uno|chess|monopoly|"
    r"pillow fight|laser tag|tag|manhunt|level|zombies|imposter|play fight"
)
HARMLESS_CONTEXTS = {
    "sport": _SPORT,
    "games": _GAMES,
    "songs": r"songs?|sing|sang|singing|karaoke|music|lyrics|album|band|choir|spotify",
    "lessons": (
        r"(?:lessons?|assembly|talk|workshop|learn\w*|taught) (?:\w+ ){0,2}(?:about|on|what)|"
        r"topic|pshe|anti bullying|no bullying|not bullying|(?:in|from) the (?:book|film|story)"
    ),
    "hair dye": r"hair|fringe|t ?shirts?|tie dye",
    "fun here": (
        r"(?:its|it is|too|so) (?:much )?fun|(?:this place is|here is|it here is) (?:\w+ )?"
        r"(?:fun|great|good|amazing|brilliant|the best)|stay (?:\w+ )?(?:longer|here|forever)|"
        r"love (?:it )?here|"
        r"can (?:we|i) stay|go home yet"
    ),
    "accident": r"by accident|accidentally|at work|laughing",
    "surprise": r"surprise|present for|birthday",
    "food": r"fish|chips|sausage|cake|slice|bread|butter|toast|pizza",
}
# Which phrase or rule each context lets off. Only words children use every day
# for something else are here; everything else counts in any context.
EXCUSES = {
    "hurt": ("sport", "games", "songs", "accident"),
    "kill me": ("songs", "games"),
    "beat me": ("sport", "games", "songs"),
    "abuse": ("lessons",),
    "bully": ("lessons",),
    "want to die": ("hair dye",),
    "wanna die": ("hair dye",),
    "dont want to go home": ("fun here",),
    "cut myself": ("food",),
    "stab": ("games",),
    "county lines": ("lessons",),
    "kept secret": ("surprise",),
    "knife": ("food",),
    "push me": ("games",),
    "getting hit": ("sport", "games", "food"),
    "harm to a parent": ("sport", "games"),
    "threatened": ("games",),
}
