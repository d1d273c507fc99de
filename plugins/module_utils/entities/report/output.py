# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Writing a report's rows to a file: CSV, TSV or JSON, atomically, and only when the content differs.

* csv: a header line with the column names, then one line per row (Python's csv module, ``excel`` dialect: fields
  quoted when they hold a comma, a quote or a line break), lines ended by LF. NULL is an empty field, booleans are
  True/False.
* tsv: the same with tabs (``excel-tab`` dialect: a field holding a tab, quote or line break is quoted).
* json: the rows as a JSON list of objects (keys in column order, typed values, NULL as null), indented, LF at end.

The file is written to a temporary file in the same directory and renamed over the destination, so a reader never
sees half a file. A new file gets 0666 minus the umask unless ``mode`` is given; an existing file keeps its mode
and owner. Unchanged content and mode leave the file untouched (changed false); check mode writes nothing.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import io
import json
import os
import re
import stat
import tempfile

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError, InvalidValueError
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.answer import column_keys

FILE_FORMATS = ('csv', 'tsv', 'json')
EXTENSIONS = {'.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.json': 'json'}


class FileWriteError(CortexError):
    """The report was read, but its file could not be written."""

    name = 'FileWriteError'


def file_format(dest, given=None):
    """The format to write: ``given``, else the one dest's extension names; an unknown extension is an error."""
    if given:
        if given not in FILE_FORMATS:
            raise InvalidValueError('dest_format must be one of %s, not %r.' % (', '.join(FILE_FORMATS), given))
        return given
    extension = os.path.splitext(dest)[1].lower()
    if extension in EXTENSIONS:
        return EXTENSIONS[extension]
    raise InvalidValueError("dest '%s' does not end in %s: set dest_format (%s) to say how to write it."
                            % (dest, ', '.join(sorted(EXTENSIONS)), ', '.join(FILE_FORMATS)))


def parse_mode(mode):
    """An octal file mode (0644 as YAML reads it, '0644', '644', '0o644') -> int; None stays None."""
    if mode is None:
        return None
    if isinstance(mode, bool):
        raise InvalidValueError('mode must be an octal number such as 0644, not %r.' % (mode,))
    if isinstance(mode, int):
        value = mode
    else:
        text = str(mode).strip().lower()
        text = text[2:] if text.startswith('0o') else text
        if not re.match(r'^[0-7]{1,4}$', text):
            raise InvalidValueError("mode must be an octal number such as '0644' (quoted in YAML), not %r; symbolic "
                                    'modes are not supported.' % (mode,))
        value = int(text, 8)
    if not 0 <= value <= 0o7777:
        raise InvalidValueError('mode %r is not a file mode (0 to 07777).' % (mode,))
    return value


def _cell(value):
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'True' if value else 'False'
    return str(value)


def render(columns, rows, fmt):
    """The file's bytes (UTF-8) for the report's columns and typed rows."""
    if fmt == 'json':
        return (json.dumps(rows, indent=2, ensure_ascii=False) + '\n').encode('utf-8')
    keys = column_keys([column['name'] for column in columns])
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect='excel-tab' if fmt == 'tsv' else 'excel', lineterminator='\n')
    writer.writerow(keys)
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key in keys])
    return buffer.getvalue().encode('utf-8')


def _current(dest):
    try:
        with open(dest, 'rb') as handle:
            return handle.read(), stat.S_IMODE(os.stat(dest).st_mode)
    except (IOError, OSError):
        return None, None


def write(dest, content, mode=None, check_mode=False):
    """Write ``content`` to ``dest`` when it differs (or the mode does). {'changed', 'created'}."""
    dest = os.path.abspath(os.path.expanduser(dest))
    directory = os.path.dirname(dest)
    if os.path.isdir(dest):
        raise FileWriteError("dest '%s' is a directory; give a file name." % dest)
    if not os.path.isdir(directory):
        raise FileWriteError("The directory of dest '%s' does not exist; create it first (ansible.builtin.file)." % dest)
    old, old_mode = _current(dest)
    created = old is None and not os.path.exists(dest)
    wanted_mode = old_mode if mode is None else mode
    if old == content and (wanted_mode is None or wanted_mode == old_mode):
        return dict(changed=False, created=False, dest=dest)
    if check_mode:
        return dict(changed=True, created=created, dest=dest)
    handle, temporary = tempfile.mkstemp(prefix='.%s.' % os.path.basename(dest), dir=directory)
    try:
        with os.fdopen(handle, 'wb') as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if wanted_mode is None:
            umask = os.umask(0)
            os.umask(umask)
            wanted_mode = 0o666 & ~umask
        os.chmod(temporary, wanted_mode)
        if not created:
            info = os.stat(dest)
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                pass        # not ours to give away: the new file is owned by the writer
        os.rename(temporary, dest)
    except (IOError, OSError) as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise FileWriteError("Could not write dest '%s': %s." % (dest, exc))
    return dict(changed=True, created=created, dest=dest)
