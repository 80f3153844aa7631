#!/usr/bin/env python3
"""Record the clips of the waiting room's spoken calls with espeak-ng's Vietnamese voice.

Run once when the words change (``apt-get install -y espeak-ng``)::

    python3 addons/public_admin_queue/scripts/generate_clips.py

Writes ``static/src/audio/<clip>.wav``: mono, 11 025 Hz, 8-bit, silence trimmed (about 10 KB a
second, so the whole set stays near a hundred KB and plays in every browser without a codec),
plus the chime, two soft tones. Better recordings may replace the files under the same names.
"""

import io
import math
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np

ADDON = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ADDON / "tools"))
sys.path.insert(0, str(ADDON.parent / "l10n_vn_amount_to_text"))

RATE = 11025
OUT = ADDON / "static" / "src" / "audio"


def load_words():
    """The clip list of tools/announcement.py, read without importing Odoo."""
    source = (ADDON / "tools" / "announcement.py").read_text(encoding="utf-8")
    source = source.replace("from odoo.addons.l10n_vn_amount_to_text.tools import read_number", "")
    namespace = {"read_number": None}
    exec(compile(source, "announcement.py", "exec"), namespace)  # noqa: S102  (our own file)
    return namespace["all_clips"]()


def speak(words):
    wav = subprocess.run(
        ["espeak-ng", "-v", "vi", "-s", "150", "--stdout", words], check=True, capture_output=True
    ).stdout
    with wave.open(io.BytesIO(wav)) as reader:
        rate = reader.getframerate()
        samples = np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2").astype(np.float32)
    loud = np.nonzero(np.abs(samples) > 400)[0]
    if len(loud):
        margin = int(rate * 0.03)
        samples = samples[max(0, loud[0] - margin) : loud[-1] + margin]
    positions = np.arange(0, len(samples), rate / RATE)
    return np.interp(positions, np.arange(len(samples)), samples)


def chime():
    samples = []
    for freq, length in ((880.0, 0.35), (659.25, 0.55)):
        count = int(RATE * length)
        for i in range(count):
            envelope = math.exp(-4.0 * i / count)
            samples.append(9000 * envelope * math.sin(2 * math.pi * freq * i / RATE))
    return np.array(samples + [0.0] * int(RATE * 0.25), dtype=np.float32)


def write(name, samples):
    peak = max(1.0, float(np.max(np.abs(samples))))
    data = np.clip(samples / peak * 120 + 128, 0, 255).astype(np.uint8)
    with wave.open(str(OUT / f"{name}.wav"), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(RATE)
        writer.writeframes(data.tobytes())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write("chime", chime())
    for name, words in load_words().items():
        write(name, speak(words))
    total = sum(path.stat().st_size for path in OUT.glob("*.wav"))
    sys.stdout.write(f"{len(list(OUT.glob('*.wav')))} clips, {total // 1024} KB in {OUT}\n")


if __name__ == "__main__":
    main()
