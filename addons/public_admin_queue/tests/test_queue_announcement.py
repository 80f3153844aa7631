from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

from odoo.addons.public_admin_queue.tools.announcement import all_clips, announcement_clips, announcement_text


@tagged("post_install", "-at_install")
class TestQueueAnnouncement(TransactionCase):
    """The spoken call reads numbers as Vietnamese words, and every clip it needs is shipped."""

    def test_announcement_reads_numbers_as_words(self):
        expected = {
            1: "Mời công dân có số thứ tự một đến quầy số ba",
            10: "Mời công dân có số thứ tự mười đến quầy số ba",
            15: "Mời công dân có số thứ tự mười lăm đến quầy số ba",
            21: "Mời công dân có số thứ tự hai mươi mốt đến quầy số ba",
            42: "Mời công dân có số thứ tự bốn mươi hai đến quầy số ba",
            105: "Mời công dân có số thứ tự một trăm linh năm đến quầy số ba",
        }
        for number, text in expected.items():
            with self.subTest(number=number):
                self.assertEqual(announcement_text(number, 3), text)

    def test_clips_follow_the_words_chime_first(self):
        self.assertEqual(announcement_clips(21, 3), ["chime", "call", "hai", "muoi", "mot1", "counter", "ba"])
        self.assertEqual(
            announcement_clips(105, 12), ["chime", "call", "mot5", "tram", "linh", "nam", "counter", "muoi2", "hai"]
        )
        # mười (ten) and mươi (tens), một (one) and mốt (final one) are different clips
        self.assertNotEqual(announcement_clips(10, 1)[2], announcement_clips(20, 1)[3])

    def test_every_clip_a_call_needs_is_shipped_and_small(self):
        import os

        total = 0
        for name in list(all_clips()) + ["chime"]:
            path = file_path(f"public_admin_queue/static/src/audio/{name}.wav")
            total += os.path.getsize(path)
        for number in range(1, 1000):
            for clip in announcement_clips(number, number % 40 + 1):
                self.assertIn(clip, list(all_clips()) + ["chime"])
        self.assertLess(total, 300 * 1024, "the clips stay under a few hundred KB")
