#!/usr/bin/env bash
# The CLI part of `make demo`: a few mentions and replies through the native core.
set -u
cli=${1:-build/webcare}
show() { printf '\n\033[1m$ webcare %s\033[0m\n' "$*"; "$cli" "$@"; }
show classify "Lekker bezig weer @NS 🙄 derde keer vertraging deze week #fail"
show classify "Wat een topservice bij @coolblue, gisteren besteld en vandaag al binnen 😍"
show classify "Hoe laat zijn jullie morgen open in Utrecht?"
show lint --platform x --mention "Mijn pakket is alweer te laat #fail" --agent Sanne "We gaan er even naar kijken!"
show lint --platform linkedin --mention "Nog geen maand geleden een laptop gekocht en nu al kapot. Dat is toch niet normaal?" --agent Sanne \
  "Hoi Marieke, wat vervelend dat je laptop nu al kuren vertoont. Stuur je ons een DM met je ordernummer? Dan bel ik je vóór 16:00 terug. Groet, Sanne"
exit 0
