from . import (
    test_queue_announcement,
    test_queue_calling,
    test_queue_concurrency,
    test_queue_figures,
    test_queue_numbering,
    test_queue_screens,
    test_queue_tour,
    test_translations,
)
