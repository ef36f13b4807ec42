#!/usr/bin/env python3
"""Personas for the doctor-answer writers (issue 16). Deterministic (seed).
Usage: make_personas.py [SEED N PREFIX] > personas.csv
  first batch (dev/test): make_personas.py            (20261205 420 p)
  second batch (dev2):    make_personas.py 20261206 240 q"""
import csv, random, sys
SEED, N, PREFIX = (int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]) if len(sys.argv) > 3 else (20261205, 420, "p")
rng = random.Random(SEED)
specialties = [
 ("chirurgien orthopédiste", 8), ("chirurgien viscéral et digestif", 5), ("anesthésiste-réanimateur", 7),
 ("radiologue", 6), ("gastro-entérologue", 5), ("gynécologue-obstétricien", 6), ("ophtalmologue", 6),
 ("ORL", 4), ("dermatologue", 4), ("cardiologue", 4), ("pédiatre", 5), ("psychiatre", 5),
 ("médecin généraliste", 8), ("rhumatologue", 3), ("urologue", 3), ("pneumologue", 2),
 ("endocrinologue", 2), ("neurologue", 2), ("chirurgien vasculaire", 2), ("chirurgien plasticien", 2),
 ("médecin nucléaire", 2), ("angiologue", 1), ("gériatre", 1), ("chirurgien de la main", 1),
 ("neurochirurgien", 1), ("stomatologue / chirurgien maxillo-facial", 1), ("radiothérapeute", 1),
 ("médecin du sport", 1), ("allergologue", 1), ("gynécologue médical", 2),
]
sectors = [("secteur 2", 10), ("secteur 2, ancien chef de clinique", 3), ("secteur 2 en clinique privée", 3),
           ("secteur 2 en cabinet de groupe", 2), ("secteur 2, installé en zone rurale", 2),
           ("secteur 2, installé à Paris", 2), ("secteur 2 avec activité mixte hôpital/libéral", 1)]
optam = [("vient de sortir de l'OPTAM (novembre 2025)", 8), ("va sortir de l'OPTAM à la fin de l'année", 4),
         ("hésite encore à sortir de l'OPTAM", 3), ("reste dans l'OPTAM à contrecœur", 2),
         ("n'a jamais signé l'OPTAM", 2), ("sort de l'OPTAM-ACO (chirurgie/obstétrique)", 3),
         ("est sorti de l'OPTAM il y a un an", 1)]
moods = [("furieux", 4), ("las et désabusé", 4), ("ironique", 3), ("posé et argumenté", 4), ("militant syndical", 2),
         ("pressé, répond en deux secondes", 4), ("pragmatique", 3), ("résigné", 2), ("sarcastique", 3),
         ("inquiet pour ses patients", 2), ("amer", 2), ("combatif", 2), ("fatigué", 2)]
habits = [("style SMS, abréviations partout", 4), ("aucun accent", 4), ("TOUT EN MAJUSCULES ou presque", 2),
          ("nombreuses fautes de frappe (lettres inversées, oubliées)", 4), ("liste à puces ou numérotée", 3),
          ("abréviations de médecin (DP, DE, FT, MAR, PTH, chir, anesth, écho, gastro, ophtalmo, S1, S2, CNAM, CPAM, G, CS, APC…)", 4),
          ("un long paragraphe sans retour à la ligne", 3), ("une seule ligne très courte", 4),
          ("phrases sans ponctuation, dictées au téléphone", 2), ("questions rhétoriques", 2),
          ("orthographe soignée et accents corrects", 4), ("mélange de majuscules et d'abréviations", 2),
          ("points d'exclamation et ponctuation excessive !!!", 2)]
codes = ["revalorisation", "revalorisation.ccam", "revalorisation.inflation", "revalorisation.consultations",
         "revalorisation.actes_intellectuels", "revalorisation.actes_opposables", "revalorisation.forfaits_techniques",
         "liberte_tarifaire", "liberte_tarifaire.complements", "liberte_tarifaire.secteur2", "liberte_tarifaire.fin_optam",
         "liberte_tarifaire.plafonds", "liberte_tarifaire.limitations",
         "gouvernance", "gouvernance.negociation", "gouvernance.convention_equilibree", "gouvernance.stabilite",
         "gouvernance.participation_locale", "gouvernance.sortie_optam",
         "mutuelles", "mutuelles.prise_en_charge", "mutuelles.regulation", "mutuelles.partage_secu",
         "mutuelles.remboursements_homogenes"]
# weights: common codes more often, but every code >= ~18 mentions planned
weight = {c: 1.0 for c in codes}
for c, w in {"revalorisation.ccam": 2.5, "revalorisation.inflation": 2, "revalorisation.consultations": 1.8,
             "liberte_tarifaire.complements": 2, "liberte_tarifaire.secteur2": 1.6, "liberte_tarifaire.fin_optam": 1.6,
             "gouvernance.negociation": 1.5, "mutuelles.prise_en_charge": 1.4, "mutuelles.remboursements_homogenes": 1.6}.items():
    weight[c] = w
manners = [("dit directement comme une demande", 5), ("formule comme une plainte ou un constat amer (la demande est implicite)", 3),
           ("formule en question rhétorique", 1), ("paraphrase sans employer le mot-clé évident de l'idée", 3),
           ("avec de l'ironie ou du sarcasme", 1)]
nocode_kinds = ["rien / je ne sais pas / pas d'avis", "aucun espoir, tout est foutu (sans demande précise)",
                "insulte ou dépit sans demande", "parle d'autre chose hors du cadre (ex. départ à la retraite, déménagement, sa vie)",
                "se contente de décrire sa situation (ex. 'je suis sorti en octobre') sans rien demander",
                "demande quelque chose hors du cadre de codage (ex. moins de paperasse informatique, aide à l'installation, sécurité au cabinet, IA, dossier médical partagé)",
                "répond à côté de la question (donne son avis sur l'enquête, le syndicat)"]
negations = ["rejette explicitement l'idée {c} (ex. 'pas besoin de…', 'je ne veux pas…', 'surtout pas…')",
             "prend le contre-pied de l'idée {c} (position opposée à celle du code)",
             "dit que l'idée {c} n'est pas une priorité ou ne sert à rien",
             "cite l'idée {c} pour s'en moquer ou la refuser"]
def pick(pairs):
    items, ws = zip(*pairs); return rng.choices(items, ws)[0]
rows = []
counts = {c: 0 for c in codes}
n_nocode = round(N * 0.18)
n_neg = round(N * 0.20)
kinds = ["nocode"] * n_nocode + ["neg"] * n_neg + ["plain"] * (N - n_nocode - n_neg)
rng.shuffle(kinds)
for i, kind in enumerate(kinds):
    p = dict(persona=f"{PREFIX}{i+1:03d}", specialty=pick(specialties), sector=pick(sectors), age=rng.randint(31, 69),
             optam=pick(optam), mood=pick(moods), habits=pick(habits) + ("; " + pick(habits) if rng.random() < 0.35 else ""))
    ideas, rejected, nocode = [], "", ""
    if kind == "nocode":
        nocode = rng.choice(nocode_kinds)
    else:
        k = rng.choices([1, 2, 3, 4], [40, 35, 18, 7])[0]
        if kind == "neg": k = max(0, k - 1)
        # favour codes that are still under-represented
        pool = list(codes)
        for _ in range(k):
            ws = [weight[c] / (1 + counts[c] / 12.0) for c in pool]
            c = rng.choices(pool, ws)[0]; pool.remove(c); counts[c] += 1
            ideas.append(f"{c} ({pick(manners)})")
        if kind == "neg":
            c = rng.choice([c for c in codes if c not in " ".join(ideas)])
            rejected = rng.choice(negations).format(c=c)
    p.update(ideas=" | ".join(ideas), rejects=rejected, no_code=nocode)
    rows.append(p)
w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
w.writeheader(); w.writerows(rows)
print({c: n for c, n in counts.items()}, file=sys.stderr)
