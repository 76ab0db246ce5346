"""The public contact page's words, per language: plain Swedish first, and the languages most spoken in the
municipality after it.

Why not the staff catalogue (`locale/`): these few sentences are the municipality's own text to children,
written and checked by its communicators and authorised translators, in languages the staff screens are
not offered in; adding Arabic to the catalogue would make every staff string an Arabic string to keep.
The Arabic here is a first draft and must be checked by an authorised translator before the page goes live
(docs/outreach.md says so).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    name: str  # the language's own name, for the switch
    direction: str  # "ltr" or "rtl"
    title: str
    intro: str
    urgent: str  # what to do when it cannot wait
    leave: str  # the quick-exit button
    who: str
    who_child: str
    who_guardian: str
    who_other: str
    age: str
    age_help: str
    message: str
    message_help: str
    name_label: str
    reach: str
    reach_help: str
    safe: str
    safe_yes: str
    safe_text_only: str
    safe_no: str
    send: str
    errors_title: str
    error_who: str
    error_age: str
    error_adult: str
    error_message: str
    error_too_long: str
    error_stale: str
    sent_title: str
    sent_body: str
    sent_anonymous: str
    too_many: str
    privacy: str
    history: str  # what the way out cannot do


SV = Words(
    name="Svenska",
    direction="ltr",
    title="Vill du prata med någon?",
    intro=(
        "Här kan du som är barn eller ung, eller du som är förälder, be socialtjänsten att höra av sig. "
        "Du kan vara anonym. Det du skriver går bara till socialtjänstens mottagning."
    ),
    urgent="Är det akut eller är någon i fara? Ring 112.",
    leave="Lämna sidan snabbt",
    who="Vem är du?",
    who_child="Jag är barn eller ung och skriver om mig själv",
    who_guardian="Jag är förälder eller vårdnadshavare",
    who_other="Jag är en annan vuxen som är orolig för ett barn",
    age="Hur gammal är barnet eller den unga?",
    age_help="Skriv en ungefärlig ålder om du inte vet säkert.",
    message="Vad vill du berätta eller fråga?",
    message_help="Skriv så mycket eller så lite du vill.",
    name_label="Namn (om du vill)",
    reach="Hur kan vi nå dig? (om du vill)",
    reach_help="Ett telefonnummer eller en e-postadress. Lämna tomt om du vill vara anonym.",
    safe="Är det säkert för oss att ringa eller skicka sms?",
    safe_yes="Ja",
    safe_text_only="Bara sms",
    safe_no="Nej, skriv hellre när vi ses",
    send="Skicka",
    errors_title="Något behöver rättas",
    error_who="Välj vem du är.",
    error_age="Skriv en ålder mellan 0 och 17.",
    error_adult=(
        "Är du 18 år eller äldre kan du ändå få hjälp. Ring socialtjänsten på {phone}, så hjälper vi dig vidare."
    ),
    error_message="Skriv något om vad du vill.",
    error_too_long="Det blev för långt: högst 4 000 tecken i meddelandet, 100 i namnet och 200 i hur vi når dig.",
    error_stale="Sidan hade varit öppen länge. Skicka en gång till.",
    sent_title="Tack, vi har fått det du skrev",
    sent_body=(
        "Socialtjänstens mottagning läser det i dag, och senast nästa vardag. Har du lämnat ett sätt att nå dig "
        "hör vi av oss, och vi säger vilka vi är först. Du kan också ringa oss på {phone}."
    ),
    sent_anonymous="Du lämnade inget sätt att nå dig. Vill du prata med oss kan du ringa {phone}.",
    too_many="Det har skickats många meddelanden härifrån på kort tid. Vänta en stund eller ring {phone}.",
    privacy=(
        "Sidan sparar inga kakor och hämtar inget från andra webbplatser. Det du skickar omfattas av "
        "socialtjänstens sekretess."
    ),
    history=(
        "Knappen Lämna sidan snabbt tar bort den här sidan från bakåtknappen, men tidigare sidor kan finnas kvar "
        "i webbläsarens historik. Använd ett privat fönster om du kan, eller rensa historiken efteråt."
    ),
)

EN = Words(
    name="English",
    direction="ltr",
    title="Do you want to talk to someone?",
    intro=(
        "Here you can ask the social services to get in touch, whether you are a child or young person, or a "
        "parent. You can stay anonymous. What you write goes only to the social services' intake team."
    ),
    urgent="Is it urgent, or is someone in danger? Call 112.",
    leave="Leave this page quickly",
    who="Who are you?",
    who_child="I am a child or young person writing about myself",
    who_guardian="I am a parent or guardian",
    who_other="I am another adult worried about a child",
    age="How old is the child or young person?",
    age_help="Write an approximate age if you are not sure.",
    message="What do you want to tell us or ask?",
    message_help="Write as much or as little as you like.",
    name_label="Name (if you like)",
    reach="How can we reach you? (if you like)",
    reach_help="A phone number or an e-mail address. Leave it empty to stay anonymous.",
    safe="Is it safe for us to call or send a text message?",
    safe_yes="Yes",
    safe_text_only="Text messages only",
    safe_no="No, I would rather talk when we meet",
    send="Send",
    errors_title="Something needs to be corrected",
    error_who="Choose who you are.",
    error_age="Write an age between 0 and 17.",
    error_adult="If you are 18 or older you can still get help. Call the social services on {phone}.",
    error_message="Write something about what you want.",
    error_too_long=(
        "That is too long: at most 4,000 characters in the message, 100 in the name and 200 in how to reach you."
    ),
    error_stale="The page had been open for a long time. Please send it again.",
    sent_title="Thank you, we have received what you wrote",
    sent_body=(
        "The social services' intake team reads it today, and at the latest on the next working day. If you left "
        "a way to reach you, we will get in touch and say who we are first. You can also call us on {phone}."
    ),
    sent_anonymous="You left no way to reach you. If you want to talk to us, call {phone}.",
    too_many="Many messages have been sent from here in a short time. Wait a while, or call {phone}.",
    privacy="This page stores no cookies and loads nothing from other websites. What you send is confidential.",
    history=(
        "The Leave this page quickly button removes this page from the back button, but earlier pages may stay "
        "in the browser's history. Use a private window if you can, or clear the history afterwards."
    ),
)

AR = Words(
    name="العربية",
    direction="rtl",
    title="هل تريد التحدث مع أحد؟",
    intro=(
        "هنا يمكنك، إذا كنت طفلاً أو شاباً أو كنت أحد الوالدين، أن تطلب من الخدمات الاجتماعية التواصل معك. "
        "يمكنك أن تبقى مجهول الهوية. ما تكتبه يصل فقط إلى قسم الاستقبال في الخدمات الاجتماعية."
    ),
    urgent="هل الأمر عاجل أو هل هناك شخص في خطر؟ اتصل بالرقم 112.",
    leave="غادر هذه الصفحة بسرعة",
    who="من أنت؟",
    who_child="أنا طفل أو شاب وأكتب عن نفسي",
    who_guardian="أنا أحد الوالدين أو ولي الأمر",
    who_other="أنا شخص بالغ آخر قلق على طفل",
    age="كم عمر الطفل أو الشاب؟",
    age_help="اكتب عمراً تقريبياً إذا لم تكن متأكداً.",
    message="ماذا تريد أن تخبرنا أو تسأل؟",
    message_help="اكتب ما تشاء، كثيراً أو قليلاً.",
    name_label="الاسم (إذا أردت)",
    reach="كيف يمكننا التواصل معك؟ (إذا أردت)",
    reach_help="رقم هاتف أو عنوان بريد إلكتروني. اتركه فارغاً إذا أردت أن تبقى مجهول الهوية.",
    safe="هل من الآمن أن نتصل بك أو نرسل رسالة نصية؟",
    safe_yes="نعم",
    safe_text_only="رسائل نصية فقط",
    safe_no="لا، أفضّل التحدث عندما نلتقي",
    send="إرسال",
    errors_title="هناك شيء يجب تصحيحه",
    error_who="اختر من أنت.",
    error_age="اكتب عمراً بين 0 و17.",
    error_adult="إذا كان عمرك 18 سنة أو أكثر يمكنك أيضاً الحصول على المساعدة. اتصل بالخدمات الاجتماعية على {phone}.",
    error_message="اكتب شيئاً عما تريده.",
    error_too_long="النص طويل جداً: 4000 حرف كحد أقصى في الرسالة، و100 في الاسم، و200 في وسيلة التواصل.",
    error_stale="كانت الصفحة مفتوحة لوقت طويل. أرسل مرة أخرى من فضلك.",
    sent_title="شكراً، لقد وصلنا ما كتبته",
    sent_body=(
        "يقرأ قسم الاستقبال في الخدمات الاجتماعية رسالتك اليوم، وفي موعد أقصاه يوم العمل التالي. إذا تركت وسيلة "
        "للتواصل معك فسنتواصل معك ونعرّف بأنفسنا أولاً. يمكنك أيضاً الاتصال بنا على {phone}."
    ),
    sent_anonymous="لم تترك وسيلة للتواصل معك. إذا أردت التحدث معنا اتصل على {phone}.",
    too_many="أُرسلت رسائل كثيرة من هنا في وقت قصير. انتظر قليلاً أو اتصل على {phone}.",
    privacy="هذه الصفحة لا تحفظ ملفات تعريف الارتباط ولا تحمّل شيئاً من مواقع أخرى. ما ترسله يخضع للسرية.",
    history=(
        "زر «غادر هذه الصفحة بسرعة» يزيل هذه الصفحة من زر الرجوع، لكن الصفحات السابقة قد تبقى في سجل المتصفح. "
        "استخدم نافذة خاصة إن أمكن، أو امسح السجل بعد ذلك."
    ),
)

LANGUAGES: dict[str, Words] = {"sv": SV, "en": EN, "ar": AR}


def words(code: str | None) -> tuple[str, Words]:
    """The language asked for, or Swedish."""
    chosen = code if code in LANGUAGES else "sv"
    return chosen, LANGUAGES[chosen]
