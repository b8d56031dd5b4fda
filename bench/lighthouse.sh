#!/usr/bin/env bash
# Lighthouse (mobile) on the home, news list, article and institution pages; prints the four
# scores per page. Start the site first (`make serve`, or `make run`), then:
#   bash bench/lighthouse.sh [BASE_URL]        # default http://127.0.0.1:8000
# Lighthouse comes from the npm registry (installed under bench/lighthouse/ on first run) and
# drives Debian's Chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")"
base="${1:-http://127.0.0.1:8000}"
if [ ! -x lighthouse/node_modules/.bin/lighthouse ]; then
  mkdir -p lighthouse
  # A package.json of its own, so that npm installs here and not into the project's.
  [ -f lighthouse/package.json ] || echo '{"private": true}' > lighthouse/package.json
  (cd lighthouse && npm install --no-audit --no-fund --silent --no-save lighthouse@13.5.0)
fi
first_link() {  # first link under $2 found on page $1
  curl -fsS "$base$1" | grep -o "href=\"$2[a-z0-9-]*/\"" | grep -v "$2chuyen-muc\|$2rss\|$2dia-ban\|$2theo-doi" | head -n 1 | cut -d'"' -f2
}
article="$(first_link /tin-tuc/ /tin-tuc/)"
institution="$(first_link /thiet-che/ /thiet-che/)"
out="$(mktemp -d)"
printf '%-12s %12s %14s %15s %5s  %s\n' page performance accessibility best-practices seo url
for entry in "home /" "news-list /tin-tuc/" "article $article" "institution $institution"; do
  name="${entry%% *}"; path="${entry#* }"
  # Chromium's first start on a machine sometimes fails: one more try, then say so.
  for try in 1 2; do
    if CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" lighthouse/node_modules/.bin/lighthouse \
      "$base$path" --quiet --form-factor=mobile \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$out/$name.json" >"$out/$name.log" 2>&1; then
      break
    fi
  done
  if [ ! -s "$out/$name.json" ]; then
    echo "$name: Lighthouse failed: $(tail -n 3 "$out/$name.log")" >&2
    exit 1
  fi
  python3 - "$out/$name.json" "$name" "$path" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
score = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
print(f"{sys.argv[2]:<12} {score['performance']:>12} {score['accessibility']:>14} "
      f"{score['best-practices']:>15} {score['seo']:>5}  {sys.argv[3]}")
PY
done
rm -rf "$out"
