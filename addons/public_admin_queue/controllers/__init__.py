from . import queue_screens
