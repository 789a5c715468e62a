"""A starting list of jargon with plain Dutch alternatives; administrators maintain it."""

from django.db import migrations

TERMS = {
    "anamnese": "gesprek over wat er eerder gebeurde",
    "audiologisch": "over het gehoor",
    "ambulante begeleiding": "hulp bij u thuis",
    "casemanager": "uw vaste contactpersoon",
    "cognitief": "denken en leren",
    "dagbehandeling": "behandelgroep overdag",
    "diagnostiek": "onderzoek",
    "ergotherapie": "hulp bij dagelijkse dingen, zoals aankleden en eten",
    "evaluatie": "terugkijken: wat ging goed, wat kan beter",
    "fysiotherapie": "hulp bij bewegen",
    "grove motoriek": "grote bewegingen, zoals kruipen en lopen",
    "fijne motoriek": "kleine bewegingen met de handen",
    "indicatie": "besluit over welke hulp nodig is",
    "interventie": "hulp of behandeling",
    "logopedie": "hulp bij praten, slikken en eten",
    "MDO": "overleg van de specialisten",
    "motoriek": "bewegen",
    "multidisciplinair": "met verschillende specialisten samen",
    "observatie": "kijken naar wat uw kind doet",
    "orthopedagoog": "specialist in opvoeden en ontwikkeling",
    "prognose": "verwachting",
    "psycho-educatie": "uitleg over wat er met uw kind aan de hand is",
    "sociaal-emotioneel": "omgaan met gevoelens en met anderen",
    "zorgintensief": "met veel zorg",
}


def add_terms(apps, schema_editor):
    JargonTerm = apps.get_model("plans", "JargonTerm")
    for term, plain in TERMS.items():
        JargonTerm.objects.get_or_create(term=term, defaults={"plain": plain})


def remove_terms(apps, schema_editor):
    apps.get_model("plans", "JargonTerm").objects.filter(term__in=TERMS).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(add_terms, remove_terms)]
