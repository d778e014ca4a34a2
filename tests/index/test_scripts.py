"""Which script a question is mainly written in, on hand-built questions."""
import pytest

from index.scripts import unread_reason, unread_script

TAMIL = "தமிழ்நாட்டில் எத்தனை விற்பனையாளர்கள் ஜெம்மில் பதிவு செய்துள்ளனர்?"


@pytest.mark.parametrize("question,script", [
    (TAMIL, "Tamil"),
    ("তামিলনাড়ুতে কতজন বিক্রেতা জেমে নিবন্ধিত?", "Bengali"),
    ("تمل ناڈو میں کتنے فروخت کنندگان جیم پر رجسٹرڈ ہیں؟", "Arabic"),  # Urdu
    ("తమిళనాడులో ఎంతమంది విక్రేతలు నమోదు చేసుకున్నారు?", "Telugu"),
    ("ગુજરાતમાં કેટલા વિક્રેતાઓ નોંધાયેલા છે?", "Gujarati"),
    # digits, punctuation and a Latin acronym among Tamil words
    ("2024-25 இல் தமிழ்நாட்டில் 86,000 விற்பனையாளர்கள் GeM இல் பதிவு செய்துள்ளனரா?", "Tamil"),
    ("ኢትዮጵያ ውስጥ ስንት ሻጮች አሉ?", "Ethiopic"),  # a script not listed is named by its letters' Unicode names
])
def test_a_question_mainly_in_another_script_is_named_by_it(question, script):
    assert unread_script(question) == script


@pytest.mark.parametrize("question", [
    "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?",
    "मध्य प्रदेश के कितने விற்பனையாளர்கள் ने जेम पर अपनी प्रोफाइल पूरी की है?",  # one Tamil word in Hindi
    "How many sellers from Madhya Pradesh completed their profile on GeM?",
    "How many sellers from Tamil Nadu (தமிழ்நாடு) registered on GeM?",  # one Tamil word in English
    "MP mein kitne sellers ne GeM par apni profile poori ki hai?",  # Hinglish in Latin letters
    "GeM पर 2025 में कितने seller थे?",
    "2024-25", "🙏🙏", "?", "",  # no letters: nothing to read a language from
    "𝐇𝐨𝐰 𝐦𝐚𝐧𝐲 𝐬𝐞𝐥𝐥𝐞𝐫𝐬?",  # styled letters are of no script
])
def test_a_question_in_latin_or_devanagari_letters_is_read(question):
    assert unread_script(question) is None


def test_the_reason_names_the_script_and_the_languages_answered():
    reason = unread_reason(unread_script(TAMIL))
    assert "Tamil" in reason and "Hindi and English" in reason
