"""The guide's two forms in every shipped language, for BUILT_IN (definitions.py).

Written for this project by an AI assistant (Claude), in plain words: for the
child evaluation, words a 9-year-old reads; for the adult one, everyday words.
They keep each question's meaning and each scale's order, since an answer is
kept as the option's place. Where English words would need a gender (Polish
"zadowolony/zadowolona"), the question is put so that it needs none. Fluent
speakers are warmly invited to review them (README, "Languages").

Migration 0011 copies them into version 1 of each built-in survey, once.
"""

from kiosk.surveys.translations import QuestionWords, Translation


def _translation(title: str, intro: str, closing: str, **questions) -> Translation:
    return Translation(
        title=title,
        intro=intro,
        closing=closing,
        questions={
            key: QuestionWords(*words) if isinstance(words, tuple) else QuestionWords(words)
            for key, words in questions.items()
        },
    )


CHILD = {
    "pl": _translation(
        "Nasze spotkania – ankieta dla dzieci",
        "Cześć! Chcemy, żeby nasze spotkania jak najbardziej ci pomagały.",
        "",
        safe="Czy czujesz się bezpiecznie na naszych spotkaniach?",
        talk="Czy masz szansę coś powiedzieć?",
        team="Czy czujesz, że jesteś częścią zespołu?",
        ideas="Czy twoje pomysły pomagają coś zmienić?",
    ),
    "ro": _translation(
        "Întâlnirile noastre – chestionar pentru copii",
        "Bună! Vrem ca întâlnirile noastre să te ajute cât mai mult.",
        "",
        safe="Te simți în siguranță la întâlnirile noastre?",
        talk="Ai ocazia să vorbești?",
        team="Simți că faci parte din echipă?",
        ideas="Ideile tale ajută la schimbarea lucrurilor?",
    ),
    "ur": _translation(
        "ہماری میٹنگیں – بچوں کے لیے سوال",
        "ہیلو! ہم چاہتے ہیں کہ ہماری میٹنگیں آپ کے لیے جتنی ہو سکیں مددگار ہوں۔",
        "",
        safe="کیا آپ ہماری میٹنگوں میں خود کو محفوظ محسوس کرتے ہیں؟",
        talk="کیا آپ کو بات کرنے کا موقع ملتا ہے؟",
        team="کیا آپ کو لگتا ہے کہ آپ ٹیم کا حصہ ہیں؟",
        ideas="کیا آپ کے خیال چیزیں بدلنے میں مدد کر رہے ہیں؟",
    ),
    "ar": _translation(
        "اجتماعاتنا – أسئلة للأطفال",
        "مرحبًا! نريد أن تكون اجتماعاتنا مفيدة لك قدر الإمكان.",
        "",
        safe="هل تشعر بالأمان في اجتماعاتنا؟",
        talk="هل تحصل على فرصة للكلام؟",
        team="هل تشعر أنك جزء من الفريق؟",
        ideas="هل تساعد أفكارك في تغيير الأشياء؟",
    ),
    "pa": _translation(
        "ਸਾਡੀਆਂ ਮੀਟਿੰਗਾਂ – ਬੱਚਿਆਂ ਲਈ ਸਵਾਲ",
        "ਹੈਲੋ! ਅਸੀਂ ਚਾਹੁੰਦੇ ਹਾਂ ਕਿ ਸਾਡੀਆਂ ਮੀਟਿੰਗਾਂ ਤੁਹਾਡੇ ਲਈ ਜਿੰਨੀਆਂ ਹੋ ਸਕਣ ਮਦਦਗਾਰ ਹੋਣ।",
        "",
        safe="ਕੀ ਤੁਸੀਂ ਸਾਡੀਆਂ ਮੀਟਿੰਗਾਂ ਵਿੱਚ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?",
        talk="ਕੀ ਤੁਹਾਨੂੰ ਗੱਲ ਕਰਨ ਦਾ ਮੌਕਾ ਮਿਲਦਾ ਹੈ?",
        team="ਕੀ ਤੁਹਾਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਤੁਸੀਂ ਟੀਮ ਦਾ ਹਿੱਸਾ ਹੋ?",
        ideas="ਕੀ ਤੁਹਾਡੇ ਵਿਚਾਰ ਚੀਜ਼ਾਂ ਬਦਲਣ ਵਿੱਚ ਮਦਦ ਕਰ ਰਹੇ ਹਨ?",
    ),
}

ADULT = {
    "pl": _translation(
        "Nasze wspólne spotkania – ankieta dla dorosłych",
        "Dziękujemy bardzo za dotychczasowy udział. Przy każdym pytaniu poniżej zaznacz"
        " odpowiedź, która do Ciebie pasuje. W polu na komentarze możesz wpisać, co"
        " według Ciebie powinniśmy wziąć pod uwagę.",
        "Dziękujemy za czas poświęcony na podzielenie się opinią. Chcemy stale ulepszać"
        " nasze wspólne spotkania, a Twoje zdanie pomaga nam planować kolejne.",
        satisfied=(
            "Ogólnie, jak oceniasz nasze wspólne spotkania?",
            ("Bardzo dobrze", "Raczej dobrze", "Ani dobrze, ani źle", "Raczej źle", "Bardzo źle"),
        ),
        organised=(
            "Czy spotkania są dobrze zorganizowane i coś z nich wynika?",
            ("Tak", "Nie", "Czasami"),
        ),
        contribute=(
            "Czy masz dość okazji, żeby zabrać głos i podzielić się pomysłami?",
            ("Zawsze", "Często", "Czasami", "Rzadko", "Nigdy"),
        ),
        included=(
            "Czy czujesz, że masz udział w podejmowaniu decyzji?",
            ("Tak, w pełni", "Raczej tak", "Ani tak, ani nie", "Raczej nie", "Wcale nie"),
        ),
        suggestions="Czy masz pomysły, co moglibyśmy poprawić na spotkaniach?",
    ),
    "ro": _translation(
        "Întâlnirile noastre – chestionar pentru adulți",
        "Vă mulțumim mult că ați participat până acum. La fiecare întrebare de mai jos,"
        " bifați răspunsul care vi se potrivește. În spațiul pentru comentarii puteți scrie"
        " orice idee pe care ați vrea să o luăm în seamă.",
        "Vă mulțumim că ați făcut timp să ne spuneți părerea. Vrem să ne îmbunătățim mereu"
        " întâlnirile, iar părerea dumneavoastră ne ajută să le pregătim pe cele viitoare.",
        satisfied=(
            "În general, cum vi se par întâlnirile noastre?",
            (
                "Foarte bune",
                "Destul de bune",
                "Nici bune, nici rele",
                "Destul de slabe",
                "Foarte slabe",
            ),
        ),
        organised=(
            "Credeți că întâlnirile sunt bine organizate și folositoare?",
            ("Da", "Nu", "Uneori"),
        ),
        contribute=(
            "Aveți destule ocazii să participați și să vă spuneți ideile?",
            ("Întotdeauna", "Des", "Uneori", "Rar", "Niciodată"),
        ),
        included=(
            "Cât de mult simțiți că luați parte la luarea deciziilor?",
            ("Foarte mult", "Destul de mult", "Nici mult, nici puțin", "Destul de puțin", "Deloc"),
        ),
        suggestions="Aveți idei despre ce am putea face mai bine la întâlniri?",
    ),
    "ur": _translation(
        "ہماری میٹنگیں – بڑوں کے لیے سوال",
        "اب تک اس کام میں حصہ لینے کا بہت شکریہ۔ نیچے ہر سوال کے لیے وہ جواب چنیں جو آپ"
        " پر لاگو ہوتا ہے۔ اگر آپ کی کوئی تجویز ہو تو تبصرے کی جگہ میں لکھیں۔",
        "اپنی رائے دینے کے لیے وقت نکالنے کا شکریہ۔ ہم اپنی میٹنگوں کو ہمیشہ بہتر بنانا"
        " چاہتے ہیں، اور آپ کی رائے آگے کی میٹنگیں بنانے میں ہماری مدد کرتی ہے۔",
        satisfied=(
            "مجموعی طور پر، آپ ہماری میٹنگوں سے کتنے مطمئن ہیں؟",
            (
                "بہت مطمئن",
                "کچھ حد تک مطمئن",
                "نہ مطمئن نہ غیر مطمئن",
                "کچھ حد تک غیر مطمئن",
                "بہت غیر مطمئن",
            ),
        ),
        organised=(
            "کیا آپ کو لگتا ہے کہ میٹنگیں اچھی طرح منظم اور فائدہ مند ہوتی ہیں؟",
            ("ہاں", "نہیں", "کبھی کبھی"),
        ),
        contribute=(
            "کیا آپ کو حصہ لینے اور اپنے خیال بتانے کے کافی موقعے ملتے ہیں؟",
            ("ہمیشہ", "اکثر", "کبھی کبھی", "کم ہی", "کبھی نہیں"),
        ),
        included=(
            "فیصلے کرنے میں آپ خود کو کتنا شامل محسوس کرتے ہیں؟",
            ("بہت شامل", "کچھ حد تک شامل", "نہ شامل نہ الگ", "کچھ حد تک الگ", "بہت الگ"),
        ),
        suggestions="کیا آپ کے پاس میٹنگوں کو بہتر بنانے کے لیے کوئی تجویز ہے؟",
    ),
    "ar": _translation(
        "اجتماعاتنا – أسئلة للكبار",
        "شكرًا جزيلًا على مشاركتك معنا حتى الآن. لكل سؤال أدناه، اختر الجواب الذي ينطبق"
        " عليك. اكتب في مكان التعليقات أي اقتراحات تريد منا أن نفكر فيها.",
        "شكرًا لك على وقتك وعلى رأيك. نحن نعمل دائمًا على تحسين اجتماعاتنا، ورأيك"
        " يساعدنا في التخطيط لاجتماعاتنا القادمة.",
        satisfied=(
            "بشكل عام، ما مدى رضاك عن اجتماعاتنا؟",
            ("راضٍ جدًا", "راضٍ إلى حد ما", "محايد", "غير راضٍ إلى حد ما", "غير راضٍ جدًا"),
        ),
        organised=(
            "هل تشعر أن الاجتماعات منظمة جيدًا ومفيدة؟",
            ("نعم", "لا", "أحيانًا"),
        ),
        contribute=(
            "هل لديك فرص كافية للمشاركة وقول أفكارك؟",
            ("دائمًا", "غالبًا", "أحيانًا", "نادرًا", "أبدًا"),
        ),
        included=(
            "إلى أي حد تشعر أنك مشارك في اتخاذ القرارات؟",
            ("مشارك جدًا", "مشارك إلى حد ما", "محايد", "مستبعد إلى حد ما", "مستبعد جدًا"),
        ),
        suggestions="هل لديك اقتراحات لتحسين الاجتماعات؟",
    ),
    "pa": _translation(
        "ਸਾਡੀਆਂ ਮੀਟਿੰਗਾਂ – ਵੱਡਿਆਂ ਲਈ ਸਵਾਲ",
        "ਹੁਣ ਤੱਕ ਇਸ ਕੰਮ ਵਿੱਚ ਹਿੱਸਾ ਲੈਣ ਲਈ ਬਹੁਤ ਧੰਨਵਾਦ। ਹੇਠਾਂ ਹਰ ਸਵਾਲ ਲਈ ਉਹ ਜਵਾਬ ਚੁਣੋ"
        " ਜੋ ਤੁਹਾਡੇ ਉੱਤੇ ਲਾਗੂ ਹੁੰਦਾ ਹੈ। ਜੇ ਤੁਹਾਡੇ ਕੋਈ ਸੁਝਾਅ ਹਨ, ਤਾਂ ਟਿੱਪਣੀਆਂ ਵਾਲੀ ਥਾਂ ਵਿੱਚ ਲਿਖੋ।",
        "ਆਪਣੀ ਰਾਇ ਦੇਣ ਲਈ ਸਮਾਂ ਕੱਢਣ ਦਾ ਧੰਨਵਾਦ। ਅਸੀਂ ਆਪਣੀਆਂ ਮੀਟਿੰਗਾਂ ਨੂੰ ਹਮੇਸ਼ਾ ਬਿਹਤਰ ਬਣਾਉਣਾ"
        " ਚਾਹੁੰਦੇ ਹਾਂ, ਅਤੇ ਤੁਹਾਡੀ ਰਾਇ ਅਗਲੀਆਂ ਮੀਟਿੰਗਾਂ ਦੀ ਯੋਜਨਾ ਬਣਾਉਣ ਵਿੱਚ ਸਾਡੀ ਮਦਦ ਕਰਦੀ ਹੈ।",
        satisfied=(
            "ਕੁੱਲ ਮਿਲਾ ਕੇ, ਤੁਸੀਂ ਸਾਡੀਆਂ ਮੀਟਿੰਗਾਂ ਤੋਂ ਕਿੰਨੇ ਸੰਤੁਸ਼ਟ ਹੋ?",
            ("ਬਹੁਤ ਸੰਤੁਸ਼ਟ", "ਕੁਝ ਹੱਦ ਤੱਕ ਸੰਤੁਸ਼ਟ", "ਨਾ ਸੰਤੁਸ਼ਟ ਨਾ ਅਸੰਤੁਸ਼ਟ", "ਕੁਝ ਹੱਦ ਤੱਕ ਅਸੰਤੁਸ਼ਟ", "ਬਹੁਤ ਅਸੰਤੁਸ਼ਟ"),
        ),
        organised=(
            "ਕੀ ਤੁਹਾਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਮੀਟਿੰਗਾਂ ਚੰਗੀ ਤਰ੍ਹਾਂ ਪ੍ਰਬੰਧਿਤ ਅਤੇ ਫ਼ਾਇਦੇਮੰਦ ਹੁੰਦੀਆਂ ਹਨ?",
            ("ਹਾਂ", "ਨਹੀਂ", "ਕਦੇ-ਕਦੇ"),
        ),
        contribute=(
            "ਕੀ ਤੁਹਾਨੂੰ ਹਿੱਸਾ ਲੈਣ ਅਤੇ ਆਪਣੇ ਵਿਚਾਰ ਦੱਸਣ ਦੇ ਕਾਫ਼ੀ ਮੌਕੇ ਮਿਲਦੇ ਹਨ?",
            ("ਹਮੇਸ਼ਾ", "ਅਕਸਰ", "ਕਦੇ-ਕਦੇ", "ਘੱਟ ਹੀ", "ਕਦੇ ਨਹੀਂ"),
        ),
        included=(
            "ਫ਼ੈਸਲੇ ਲੈਣ ਵਿੱਚ ਤੁਸੀਂ ਆਪਣੇ ਆਪ ਨੂੰ ਕਿੰਨਾ ਸ਼ਾਮਲ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?",
            ("ਬਹੁਤ ਸ਼ਾਮਲ", "ਕੁਝ ਹੱਦ ਤੱਕ ਸ਼ਾਮਲ", "ਨਾ ਸ਼ਾਮਲ ਨਾ ਬਾਹਰ", "ਕੁਝ ਹੱਦ ਤੱਕ ਬਾਹਰ", "ਬਹੁਤ ਬਾਹਰ"),
        ),
        suggestions="ਕੀ ਤੁਹਾਡੇ ਕੋਲ ਮੀਟਿੰਗਾਂ ਨੂੰ ਬਿਹਤਰ ਬਣਾਉਣ ਲਈ ਕੋਈ ਸੁਝਾਅ ਹਨ?",
    ),
}

BUILT_IN_TRANSLATIONS = {"child-evaluation": CHILD, "adult-evaluation": ADULT}
