/** @odoo-module **/
/* Plays the waiting room's calls one at a time: chime, then the Vietnamese sentence.
 *
 * A browser's own voice is used only where it has a Vietnamese one; otherwise the recorded
 * clips of the words are joined (numbers read as words: "bốn mươi hai", not "bốn hai"). */

const CLIP_URL = "/public_admin_queue/static/src/audio/";

export class Announcer {
    constructor() {
        this.queue = [];
        this.playing = false;
        this.cache = new Map();
    }

    vietnameseVoice() {
        const synth = window.speechSynthesis;
        if (!synth) {
            return null;
        }
        return synth.getVoices().find((voice) => (voice.lang || "").toLowerCase().startsWith("vi")) || null;
    }

    announce(announcement) {
        this.queue.push(announcement);
        if (!this.playing) {
            this.next();
        }
    }

    async next() {
        const announcement = this.queue.shift();
        if (!announcement) {
            this.playing = false;
            return;
        }
        this.playing = true;
        try {
            const voice = this.vietnameseVoice();
            await this.playClip("chime");
            if (voice) {
                await this.speak(announcement.text, voice);
            } else {
                for (const clip of announcement.clips.filter((name) => name !== "chime")) {
                    await this.playClip(clip);
                }
            }
        } catch {
            // A screen without sound (not yet allowed to play) still shows the call.
        }
        this.next();
    }

    playClip(name) {
        return new Promise((resolve) => {
            const audio = new Audio(`${CLIP_URL}${name}.wav`);
            audio.addEventListener("ended", () => resolve(), { once: true });
            audio.addEventListener("error", () => resolve(), { once: true });
            audio.play().catch(() => resolve());
        });
    }

    speak(text, voice) {
        return new Promise((resolve) => {
            const utterance = new SpeechSynthesisUtterance(text);
            utterance.voice = voice;
            utterance.lang = voice.lang;
            utterance.onend = () => resolve();
            utterance.onerror = () => resolve();
            window.speechSynthesis.speak(utterance);
        });
    }
}
