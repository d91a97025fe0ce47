"""How long a recording lasts, read from its own bytes, before it goes anywhere.

WhatsApp records voice notes as Ogg Opus; WAV is read by the standard library. Ogg's
layout is RFC 3533 (each page: ``OggS``, version, flags, the 64-bit granule position at
byte 6, serial, sequence, checksum, the segment count at byte 26, then the segment table
and the data); Opus's granule counts 48 kHz samples from which the ``OpusHead`` pre-skip
(bytes 10-11) is taken off (RFC 7845, sections 4 and 5.1); Vorbis's counts samples at
the rate its identification header names (bytes 12-15 after ``\\x01vorbis``).
"""

from __future__ import annotations

import io
import struct
import wave

_PAGE = struct.Struct("<4sBBqIIIB")  # through the segment count
_OPUS_RATE = 48_000


def audio_seconds(data: bytes) -> float | None:
    """The recording's length in seconds; None when its format is not one read here or
    its bytes are not a whole recording."""
    if data.startswith(b"OggS"):
        return _ogg_seconds(data)
    if data.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return _wav_seconds(data)
    return None


def _wav_seconds(data: bytes) -> float | None:
    try:
        with wave.open(io.BytesIO(data)) as recording:
            rate = recording.getframerate()
            return recording.getnframes() / rate if rate > 0 else None
    except (wave.Error, EOFError, struct.error):
        return None


def _ogg_seconds(data: bytes) -> float | None:
    position, first_packet, last_granule = 0, b"", -1
    while position < len(data):
        if len(data) < position + _PAGE.size:
            return None
        capture, version, _, granule, _, _, _, segments = _PAGE.unpack_from(data, position)
        table_end = position + _PAGE.size + segments
        if capture != b"OggS" or version != 0 or len(data) < table_end:
            return None
        page_end = table_end + sum(data[position + _PAGE.size : table_end])
        if page_end > len(data):
            return None
        if not first_packet:
            first_packet = data[table_end:page_end]
        if granule != -1:  # -1: no packet ends on this page
            last_granule = granule
        position = page_end
    if last_granule < 0:
        return None
    if first_packet.startswith(b"OpusHead") and len(first_packet) >= 12:
        pre_skip = int.from_bytes(first_packet[10:12], "little")
        return max(last_granule - pre_skip, 0) / _OPUS_RATE
    if first_packet.startswith(b"\x01vorbis") and len(first_packet) >= 16:
        rate = int.from_bytes(first_packet[12:16], "little")
        return last_granule / rate if rate > 0 else None
    return None
