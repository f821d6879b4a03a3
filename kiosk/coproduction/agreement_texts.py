"""The group agreement's starting texts: the guide's "Example of a group
agreement for adults", word for word, and a children's version with the same
six ideas in words a 9-year-old reads, each in every public language.

A group edits a copy of these together (kiosk/storage/agreements.py keeps its
versions); until it saves one, these are its agreement (version 0).

The English adults' text is the guide's (seed 000, near its end), kept as it
is written, its missing full stop too. The children's version and every
translation were written for this project by an AI assistant (Claude): first
drafts, and fluent speakers are warmly invited to review them. The children's
"private" point says plainly when a grown-up must tell someone, as every
public page here does.
"""


def _text(intro: str, *points: tuple[str, str]) -> dict:
    return {"intro": intro, "points": [{"title": t, "text": x} for t, x in points]}


ADULTS = {
    "en": _text(
        "This agreement ensures a safe, shared space where we can all learn from each other.",
        (
            "Respect and Understanding",
            "Be careful with our language and understand that each of us will have different"
            " experiences and opinions",
        ),
        ("Confidentiality", "What we share stays in this space unless we agree differently."),
        (
            "Participation and Inclusivity",
            "We want to hear all voices however it works for you. We will not pressure people to"
            " talk, understanding that each of us will have good and not-so-good days.",
        ),
        (
            "Safety and Comfort",
            "We will support each other and give space when needed without judgment."
            " Collaboration and Empowerment: Everyone is equal, and we recognise our differences"
            " as strengths to learn from and grow from.",
        ),
        (
            "Collaboration",
            "We make decisions together. This group is about hearing our experiences of the"
            " services and working out what works and what could be better so that"
            " actions/changes can come from this.",
        ),
        (
            "Review and Adaptation",
            "This agreement is a living document which we can change as the group becomes more"
            " established.",
        ),
    ),
    "pl": _text(
        "To porozumienie zapewnia bezpieczną, wspólną przestrzeń, w której wszyscy możemy uczyć"
        " się od siebie nawzajem.",
        (
            "Szacunek i zrozumienie",
            "Uważamy na to, jak się wyrażamy, i rozumiemy, że każdy z nas ma inne doświadczenia"
            " i poglądy.",
        ),
        (
            "Poufność",
            "To, czym się dzielimy, zostaje w tej grupie, chyba że wspólnie postanowimy inaczej.",
        ),
        (
            "Udział i włączanie",
            "Chcemy usłyszeć wszystkie głosy, w sposób, który wam odpowiada. Nie będziemy nikogo"
            " zmuszać do mówienia, rozumiejąc, że każdy z nas ma lepsze i gorsze dni.",
        ),
        (
            "Bezpieczeństwo i komfort",
            "Wspieramy się nawzajem i dajemy sobie przestrzeń, gdy jest potrzebna, bez oceniania."
            " Współpraca i wzmacnianie: wszyscy są równi, a nasze różnice są mocnymi stronami,"
            " z których się uczymy i dzięki którym się rozwijamy.",
        ),
        (
            "Współpraca",
            "Decyzje podejmujemy razem. Ta grupa jest po to, by usłyszeć nasze doświadczenia"
            " z usługami i ustalić, co działa, a co mogłoby być lepsze, tak aby wynikły z tego"
            " działania i zmiany.",
        ),
        (
            "Przegląd i dostosowanie",
            "To porozumienie jest żywym dokumentem, który możemy zmieniać, gdy grupa będzie się"
            " umacniać.",
        ),
    ),
    "ro": _text(
        "Acest acord asigură un spațiu sigur și comun, în care putem învăța cu toții unii de la"
        " alții.",
        (
            "Respect și înțelegere",
            "Suntem atenți la felul în care vorbim și înțelegem că fiecare dintre noi are"
            " experiențe și păreri diferite.",
        ),
        ("Confidențialitate", "Ce împărtășim rămâne aici, dacă nu hotărâm altfel împreună."),
        (
            "Participare și incluziune",
            "Vrem să auzim toate vocile, în felul care vi se potrivește. Nu vom pune presiune pe"
            " nimeni să vorbească, înțelegând că fiecare dintre noi are zile bune și zile mai"
            " puțin bune.",
        ),
        (
            "Siguranță și confort",
            "Ne sprijinim unii pe alții și oferim spațiu când este nevoie, fără să judecăm."
            " Colaborare și împuternicire: toți suntem egali, iar diferențele noastre sunt"
            " puncte forte din care învățăm și creștem.",
        ),
        (
            "Colaborare",
            "Luăm decizii împreună. Acest grup este pentru a ne asculta experiențele cu"
            " serviciile și a afla ce funcționează și ce ar putea fi mai bine, ca de aici să"
            " vină acțiuni și schimbări.",
        ),
        (
            "Revizuire și adaptare",
            "Acest acord este un document viu, pe care îl putem schimba pe măsură ce grupul se"
            " consolidează.",
        ),
    ),
    "ur": _text(
        "یہ معاہدہ ایک محفوظ اور مشترکہ جگہ یقینی بناتا ہے جہاں ہم سب ایک دوسرے سے سیکھ سکیں۔",
        (
            "احترام اور سمجھ",
            "ہم اپنی زبان کا خیال رکھتے ہیں اور سمجھتے ہیں کہ ہم میں سے ہر ایک کے تجربات اور"
            " رائے مختلف ہوں گے۔",
        ),
        ("رازداری", "جو ہم یہاں بانٹتے ہیں وہ اسی جگہ رہتا ہے، جب تک ہم کچھ اور طے نہ کریں۔"),
        (
            "شرکت اور شمولیت",
            "ہم سب کی آوازیں سننا چاہتے ہیں، جس طرح بھی آپ کے لیے بہتر ہو۔ ہم کسی پر بات کرنے"
            " کے لیے دباؤ نہیں ڈالیں گے، یہ سمجھتے ہوئے کہ ہم سب کے اچھے اور کم اچھے دن ہوتے ہیں۔",
        ),
        (
            "حفاظت اور آرام",
            "ہم ایک دوسرے کا ساتھ دیں گے اور ضرورت کے وقت بغیر کوئی فیصلہ سنائے جگہ دیں گے۔"
            " تعاون اور بااختیاری: سب برابر ہیں، اور ہم اپنے فرق کو ایسی طاقت سمجھتے ہیں جس سے"
            " ہم سیکھ اور بڑھ سکتے ہیں۔",
        ),
        (
            "تعاون",
            "ہم فیصلے مل کر کرتے ہیں۔ یہ گروپ خدمات کے بارے میں ہمارے تجربات سننے اور یہ جاننے"
            " کے لیے ہے کہ کیا ٹھیک چل رہا ہے اور کیا بہتر ہو سکتا ہے، تاکہ اس سے عملی قدم اور"
            " تبدیلیاں آ سکیں۔",
        ),
        (
            "جائزہ اور تبدیلی",
            "یہ معاہدہ ایک زندہ دستاویز ہے جسے ہم گروپ کے مضبوط ہونے کے ساتھ بدل سکتے ہیں۔",
        ),
    ),
    "ar": _text(
        "تضمن هذه الاتفاقية مساحة آمنة ومشتركة يمكننا فيها جميعًا أن نتعلّم من بعضنا بعضًا.",
        ("الاحترام والتفهّم", "ننتبه إلى كلماتنا، ونتفهّم أن لكلٍّ منا تجارب وآراء مختلفة."),
        ("السرّية", "ما نشاركه يبقى في هذه المساحة، ما لم نتفق على غير ذلك."),
        (
            "المشاركة والشمول",
            "نريد أن نسمع كل الأصوات بالطريقة التي تناسبكم. لن نضغط على أحد ليتكلم، ونتفهّم أن"
            " لكلٍّ منا أيامًا جيدة وأيامًا أقل جودة.",
        ),
        (
            "الأمان والراحة",
            "ندعم بعضنا بعضًا ونترك المساحة عند الحاجة دون إصدار أحكام. التعاون والتمكين:"
            " الجميع متساوون، ونرى اختلافاتنا نقاط قوة نتعلّم منها وننمو بها.",
        ),
        (
            "التعاون",
            "نتخذ القرارات معًا. هذه المجموعة تهدف إلى سماع تجاربنا مع الخدمات، ومعرفة ما ينجح"
            " وما يمكن أن يكون أفضل، حتى تنتج عن ذلك أفعال وتغييرات.",
        ),
        (
            "المراجعة والتكيّف",
            "هذه الاتفاقية وثيقة حيّة يمكننا تغييرها كلما ترسّخت المجموعة أكثر.",
        ),
    ),
    "pa": _text(
        "ਇਹ ਸਮਝੌਤਾ ਇੱਕ ਸੁਰੱਖਿਅਤ, ਸਾਂਝੀ ਥਾਂ ਯਕੀਨੀ ਬਣਾਉਂਦਾ ਹੈ ਜਿੱਥੇ ਅਸੀਂ ਸਾਰੇ ਇੱਕ ਦੂਜੇ ਤੋਂ ਸਿੱਖ ਸਕੀਏ।",
        (
            "ਆਦਰ ਅਤੇ ਸਮਝ",
            "ਅਸੀਂ ਆਪਣੀ ਬੋਲੀ ਦਾ ਧਿਆਨ ਰੱਖਦੇ ਹਾਂ ਅਤੇ ਸਮਝਦੇ ਹਾਂ ਕਿ ਸਾਡੇ ਹਰ ਇੱਕ ਦੇ ਤਜਰਬੇ ਅਤੇ ਵਿਚਾਰ ਵੱਖਰੇ ਹੋਣਗੇ।",
        ),
        ("ਗੁਪਤਤਾ", "ਜੋ ਅਸੀਂ ਸਾਂਝਾ ਕਰਦੇ ਹਾਂ ਉਹ ਇਸੇ ਥਾਂ ਰਹਿੰਦਾ ਹੈ, ਜਦ ਤੱਕ ਅਸੀਂ ਕੁਝ ਹੋਰ ਤੈਅ ਨਾ ਕਰੀਏ।"),
        (
            "ਸ਼ਮੂਲੀਅਤ ਅਤੇ ਸਭ ਨੂੰ ਨਾਲ ਲੈਣਾ",
            "ਅਸੀਂ ਸਾਰੀਆਂ ਆਵਾਜ਼ਾਂ ਸੁਣਨਾ ਚਾਹੁੰਦੇ ਹਾਂ, ਜਿਵੇਂ ਵੀ ਤੁਹਾਡੇ ਲਈ ਠੀਕ ਹੋਵੇ। ਅਸੀਂ ਕਿਸੇ ਉੱਤੇ ਬੋਲਣ"
            " ਲਈ ਦਬਾਅ ਨਹੀਂ ਪਾਵਾਂਗੇ, ਇਹ ਸਮਝਦੇ ਹੋਏ ਕਿ ਸਾਡੇ ਸਭ ਦੇ ਚੰਗੇ ਅਤੇ ਘੱਟ ਚੰਗੇ ਦਿਨ ਹੁੰਦੇ ਹਨ।",
        ),
        (
            "ਸੁਰੱਖਿਆ ਅਤੇ ਆਰਾਮ",
            "ਅਸੀਂ ਇੱਕ ਦੂਜੇ ਦਾ ਸਾਥ ਦੇਵਾਂਗੇ ਅਤੇ ਲੋੜ ਵੇਲੇ ਬਿਨਾਂ ਕੋਈ ਰਾਇ ਬਣਾਏ ਥਾਂ ਦੇਵਾਂਗੇ। ਸਹਿਯੋਗ ਅਤੇ"
            " ਸਸ਼ਕਤੀਕਰਨ: ਸਾਰੇ ਬਰਾਬਰ ਹਨ, ਅਤੇ ਅਸੀਂ ਆਪਣੇ ਫ਼ਰਕਾਂ ਨੂੰ ਤਾਕਤ ਮੰਨਦੇ ਹਾਂ ਜਿਨ੍ਹਾਂ ਤੋਂ ਅਸੀਂ"
            " ਸਿੱਖ ਅਤੇ ਵਧ ਸਕਦੇ ਹਾਂ।",
        ),
        (
            "ਸਹਿਯੋਗ",
            "ਅਸੀਂ ਫ਼ੈਸਲੇ ਮਿਲ ਕੇ ਕਰਦੇ ਹਾਂ। ਇਹ ਗਰੁੱਪ ਸੇਵਾਵਾਂ ਬਾਰੇ ਸਾਡੇ ਤਜਰਬੇ ਸੁਣਨ ਅਤੇ ਇਹ ਪਤਾ ਲਗਾਉਣ"
            " ਲਈ ਹੈ ਕਿ ਕੀ ਠੀਕ ਚੱਲ ਰਿਹਾ ਹੈ ਅਤੇ ਕੀ ਬਿਹਤਰ ਹੋ ਸਕਦਾ ਹੈ, ਤਾਂ ਜੋ ਇਸ ਤੋਂ ਕਦਮ ਅਤੇ ਬਦਲਾਅ"
            " ਆ ਸਕਣ।",
        ),
        (
            "ਸਮੀਖਿਆ ਅਤੇ ਬਦਲਾਅ",
            "ਇਹ ਸਮਝੌਤਾ ਇੱਕ ਜਿਉਂਦਾ ਦਸਤਾਵੇਜ਼ ਹੈ ਜਿਸਨੂੰ ਅਸੀਂ ਗਰੁੱਪ ਦੇ ਮਜ਼ਬੂਤ ਹੋਣ ਨਾਲ ਬਦਲ ਸਕਦੇ ਹਾਂ।",
        ),
    ),
}

CHILDREN = {
    "en": _text(
        "This is how we want our group to be. It helps everyone feel safe and learn from each"
        " other.",
        (
            "Being kind",
            "We are kind with our words. We know that everyone has different ideas and feelings.",
        ),
        (
            "Keeping things private",
            "What we say in the group stays in the group, unless we all agree. If someone is not"
            " safe, a grown-up may need to tell someone who can help.",
        ),
        (
            "Everyone can join in",
            "We want to hear from everyone, in the way that suits them. You don't have to talk if"
            " you don't want to. Some days are good days and some days are hard.",
        ),
        (
            "Feeling safe",
            "We help each other and give each other space. We don't judge anyone. Everyone is"
            " equal, and our differences make us stronger.",
        ),
        (
            "Working together",
            "We decide things together. We talk about what works and what could be better, so"
            " that things can change.",
        ),
        (
            "Changing our agreement",
            "This agreement can change. We can make it better as our group grows.",
        ),
    ),
    "pl": _text(
        "Tak chcemy działać w naszej grupie. Dzięki temu wszyscy czują się bezpiecznie i uczą się"
        " od siebie nawzajem.",
        ("Jesteśmy mili", "Mówimy do siebie życzliwie. Wiemy, że każdy ma inne pomysły i uczucia."),
        (
            "Tajemnice grupy",
            "To, co mówimy w grupie, zostaje w grupie, chyba że wszyscy się zgodzimy. Jeśli ktoś"
            " nie jest bezpieczny, dorosły może musieć powiedzieć o tym komuś, kto pomoże.",
        ),
        (
            "Każdy może się włączyć",
            "Chcemy usłyszeć każdego, tak jak mu wygodnie. Nie musisz mówić, jeśli nie chcesz."
            " Czasem dzień jest dobry, a czasem trudny.",
        ),
        (
            "Czujemy się bezpiecznie",
            "Pomagamy sobie i dajemy sobie trochę miejsca. Nikogo nie oceniamy. Wszyscy są równi,"
            " a nasze różnice czynią nas silniejszymi.",
        ),
        (
            "Działamy razem",
            "Razem podejmujemy decyzje. Rozmawiamy o tym, co działa, a co mogłoby być lepsze, żeby"
            " coś się zmieniło.",
        ),
        (
            "Zmieniamy nasze zasady",
            "To porozumienie może się zmieniać. Możemy je ulepszać, gdy nasza grupa rośnie.",
        ),
    ),
    "ro": _text(
        "Așa vrem să fie grupul nostru. Ne ajută pe toți să ne simțim în siguranță și să învățăm"
        " unii de la alții.",
        (
            "Suntem buni",
            "Vorbim frumos unii cu alții. Știm că fiecare are idei și sentimente diferite.",
        ),
        (
            "Ce spunem rămâne aici",
            "Ce spunem în grup rămâne în grup, dacă nu suntem toți de acord altfel. Dacă cineva"
            " nu este în siguranță, un adult poate trebui să spună cuiva care poate ajuta.",
        ),
        (
            "Toți pot participa",
            "Vrem să auzim pe toată lumea, în felul care îi place fiecăruia. Nu trebuie să"
            " vorbești dacă nu vrei. Unele zile sunt bune, altele sunt grele.",
        ),
        (
            "Ne simțim în siguranță",
            "Ne ajutăm unii pe alții și ne lăsăm loc. Nu judecăm pe nimeni. Toți suntem egali,"
            " iar diferențele ne fac mai puternici.",
        ),
        (
            "Lucrăm împreună",
            "Hotărâm lucrurile împreună. Vorbim despre ce merge bine și ce ar putea fi mai bine,"
            " ca lucrurile să se schimbe.",
        ),
        (
            "Ne schimbăm acordul",
            "Acest acord se poate schimba. Îl putem face mai bun pe măsură ce grupul nostru"
            " crește.",
        ),
    ),
    "ur": _text(
        "ہم چاہتے ہیں کہ ہمارا گروپ ایسا ہو۔ اس سے سب محفوظ محسوس کرتے ہیں اور ایک دوسرے سے سیکھتے"
        " ہیں۔",
        (
            "ہم مہربان ہیں",
            "ہم اچھے الفاظ بولتے ہیں۔ ہم جانتے ہیں کہ ہر ایک کے خیالات اور احساسات مختلف ہوتے ہیں۔",
        ),
        (
            "گروپ کی باتیں گروپ میں",
            "جو ہم گروپ میں کہتے ہیں وہ گروپ میں ہی رہتا ہے، جب تک ہم سب راضی نہ ہوں۔ اگر کوئی"
            " محفوظ نہیں ہے تو کسی بڑے کو مدد کرنے والے کسی شخص کو بتانا پڑ سکتا ہے۔",
        ),
        (
            "سب شامل ہو سکتے ہیں",
            "ہم سب کی بات سننا چاہتے ہیں، جیسے بھی ان کے لیے آسان ہو۔ اگر آپ نہیں چاہتے تو آپ کو"
            " بولنا ضروری نہیں۔ کچھ دن اچھے ہوتے ہیں اور کچھ مشکل۔",
        ),
        (
            "ہم محفوظ محسوس کرتے ہیں",
            "ہم ایک دوسرے کی مدد کرتے ہیں اور ایک دوسرے کو جگہ دیتے ہیں۔ ہم کسی کو برا نہیں"
            " سمجھتے۔ سب برابر ہیں، اور ہمارے فرق ہمیں مضبوط بناتے ہیں۔",
        ),
        (
            "ہم مل کر کام کرتے ہیں",
            "ہم مل کر فیصلے کرتے ہیں۔ ہم بات کرتے ہیں کہ کیا اچھا چل رہا ہے اور کیا بہتر ہو سکتا"
            " ہے، تاکہ چیزیں بدل سکیں۔",
        ),
        (
            "ہمارا معاہدہ بدل سکتا ہے",
            "یہ معاہدہ بدل سکتا ہے۔ جیسے جیسے ہمارا گروپ بڑھے گا، ہم اسے بہتر بنا سکتے ہیں۔",
        ),
    ),
    "ar": _text(
        "هكذا نريد أن تكون مجموعتنا. هذا يساعد الجميع على الشعور بالأمان والتعلّم من بعضهم.",
        ("نحن لطفاء", "نستخدم كلمات لطيفة. نعرف أن لكل شخص أفكارًا ومشاعر مختلفة."),
        (
            "ما نقوله يبقى هنا",
            "ما نقوله في المجموعة يبقى في المجموعة، إلا إذا اتفقنا كلنا. إذا لم يكن أحد بأمان،"
            " فقد يحتاج شخص كبير أن يخبر من يستطيع المساعدة.",
        ),
        (
            "الجميع يمكنه المشاركة",
            "نريد أن نسمع من الجميع، بالطريقة التي تناسبهم. لا يجب أن تتكلم إذا كنت لا تريد."
            " بعض الأيام جيدة وبعضها صعبة.",
        ),
        (
            "نشعر بالأمان",
            "نساعد بعضنا ونترك لبعضنا مساحة. لا نحكم على أحد. الجميع متساوون، واختلافاتنا"
            " تجعلنا أقوى.",
        ),
        (
            "نعمل معًا",
            "نقرّر الأشياء معًا. نتكلم عمّا ينجح وعمّا يمكن أن يكون أفضل، لكي تتغير الأشياء.",
        ),
        (
            "نغيّر اتفاقنا",
            "يمكن أن يتغير هذا الاتفاق. يمكننا أن نجعله أفضل كلما كبرت مجموعتنا.",
        ),
    ),
    "pa": _text(
        "ਅਸੀਂ ਚਾਹੁੰਦੇ ਹਾਂ ਕਿ ਸਾਡਾ ਗਰੁੱਪ ਇਸ ਤਰ੍ਹਾਂ ਦਾ ਹੋਵੇ। ਇਸ ਨਾਲ ਸਾਰੇ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹਨ ਅਤੇ ਇੱਕ ਦੂਜੇ ਤੋਂ ਸਿੱਖਦੇ ਹਨ।",
        (
            "ਅਸੀਂ ਦਿਆਲੂ ਹਾਂ",
            "ਅਸੀਂ ਚੰਗੇ ਸ਼ਬਦ ਬੋਲਦੇ ਹਾਂ। ਅਸੀਂ ਜਾਣਦੇ ਹਾਂ ਕਿ ਹਰ ਕਿਸੇ ਦੇ ਵਿਚਾਰ ਅਤੇ ਭਾਵਨਾਵਾਂ ਵੱਖਰੀਆਂ ਹਨ।",
        ),
        (
            "ਗਰੁੱਪ ਦੀਆਂ ਗੱਲਾਂ ਗਰੁੱਪ ਵਿੱਚ",
            "ਜੋ ਅਸੀਂ ਗਰੁੱਪ ਵਿੱਚ ਕਹਿੰਦੇ ਹਾਂ ਉਹ ਗਰੁੱਪ ਵਿੱਚ ਹੀ ਰਹਿੰਦਾ ਹੈ, ਜਦ ਤੱਕ ਅਸੀਂ ਸਾਰੇ ਸਹਿਮਤ ਨਾ"
            " ਹੋਈਏ। ਜੇ ਕੋਈ ਸੁਰੱਖਿਅਤ ਨਹੀਂ ਹੈ, ਤਾਂ ਕਿਸੇ ਵੱਡੇ ਨੂੰ ਮਦਦ ਕਰ ਸਕਣ ਵਾਲੇ ਕਿਸੇ ਵਿਅਕਤੀ ਨੂੰ"
            " ਦੱਸਣਾ ਪੈ ਸਕਦਾ ਹੈ।",
        ),
        (
            "ਹਰ ਕੋਈ ਸ਼ਾਮਲ ਹੋ ਸਕਦਾ ਹੈ",
            "ਅਸੀਂ ਹਰ ਕਿਸੇ ਦੀ ਗੱਲ ਸੁਣਨਾ ਚਾਹੁੰਦੇ ਹਾਂ, ਜਿਵੇਂ ਵੀ ਉਹਨਾਂ ਲਈ ਠੀਕ ਹੋਵੇ। ਜੇ ਤੁਸੀਂ ਨਹੀਂ"
            " ਚਾਹੁੰਦੇ ਤਾਂ ਤੁਹਾਨੂੰ ਬੋਲਣ ਦੀ ਲੋੜ ਨਹੀਂ। ਕੁਝ ਦਿਨ ਚੰਗੇ ਹੁੰਦੇ ਹਨ ਅਤੇ ਕੁਝ ਔਖੇ।",
        ),
        (
            "ਅਸੀਂ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹਾਂ",
            "ਅਸੀਂ ਇੱਕ ਦੂਜੇ ਦੀ ਮਦਦ ਕਰਦੇ ਹਾਂ ਅਤੇ ਇੱਕ ਦੂਜੇ ਨੂੰ ਥਾਂ ਦਿੰਦੇ ਹਾਂ। ਅਸੀਂ ਕਿਸੇ ਨੂੰ ਮਾੜਾ ਨਹੀਂ"
            " ਸਮਝਦੇ। ਸਾਰੇ ਬਰਾਬਰ ਹਨ, ਅਤੇ ਸਾਡੇ ਫ਼ਰਕ ਸਾਨੂੰ ਮਜ਼ਬੂਤ ਬਣਾਉਂਦੇ ਹਨ।",
        ),
        (
            "ਅਸੀਂ ਮਿਲ ਕੇ ਕੰਮ ਕਰਦੇ ਹਾਂ",
            "ਅਸੀਂ ਮਿਲ ਕੇ ਫ਼ੈਸਲੇ ਕਰਦੇ ਹਾਂ। ਅਸੀਂ ਗੱਲ ਕਰਦੇ ਹਾਂ ਕਿ ਕੀ ਚੰਗਾ ਚੱਲ ਰਿਹਾ ਹੈ ਅਤੇ ਕੀ ਬਿਹਤਰ ਹੋ"
            " ਸਕਦਾ ਹੈ, ਤਾਂ ਜੋ ਚੀਜ਼ਾਂ ਬਦਲ ਸਕਣ।",
        ),
        (
            "ਸਾਡਾ ਸਮਝੌਤਾ ਬਦਲ ਸਕਦਾ ਹੈ",
            "ਇਹ ਸਮਝੌਤਾ ਬਦਲ ਸਕਦਾ ਹੈ। ਜਿਵੇਂ ਜਿਵੇਂ ਸਾਡਾ ਗਰੁੱਪ ਵਧੇਗਾ, ਅਸੀਂ ਇਸਨੂੰ ਹੋਰ ਚੰਗਾ ਬਣਾ ਸਕਦੇ ਹਾਂ।",
        ),
    ),
}
VERSIONS = {"adults": ADULTS, "children": CHILDREN}


def starting_text(version: str, language: str) -> dict:
    """The starting text of one version ("adults" or "children") in `language`
    (English when there is none in it): a fresh copy, safe to change."""
    texts = VERSIONS[version]
    chosen = texts.get(language, texts["en"])
    return {"intro": chosen["intro"], "points": [dict(p) for p in chosen["points"]]}
