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
and owner (where the writer may give it) unless ``mode`` / ``owner`` / ``group`` say otherwise. Equal content with
another mode or owner is fixed in place. Unchanged content and attributes leave the file untouched (changed false);
check mode writes nothing.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import grp
import io
import json
import os
import pwd
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


def resolve_owner(owner=None, group=None):
    """(uid, gid) for a user and group given by name or number; None for what is not given. Unknown: an error."""
    ids = []
    for value, database, what in ((owner, pwd.getpwnam, 'owner'), (group, grp.getgrnam, 'group')):
        if value is None or str(value).strip() == '':
            ids.append(None)
            continue
        text = str(value).strip()
        if text.isdigit():
            ids.append(int(text))
            continue
        try:
            entry = database(text)
        except KeyError:
            raise InvalidValueError("%s '%s' does not exist on the host the task runs on." % (what, text))
        ids.append(entry[2])
    return tuple(ids)


def _current(dest):
    """(content, os.stat) of dest, or (None, None) when there is no file."""
    try:
        with open(dest, 'rb') as handle:
            return handle.read(), os.stat(dest)
    except (IOError, OSError):
        return None, None


def _default_mode():
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write(dest, content, mode=None, check_mode=False, uid=None, gid=None):
    """Write ``content`` to ``dest`` when it differs; set mode / owner (uid) / group (gid) when given and different.

    Returns {'changed', 'created', 'dest'}. Equal content with other attributes is fixed in place (not rewritten).
    """
    dest = os.path.abspath(os.path.expanduser(dest))
    directory = os.path.dirname(dest)
    if os.path.isdir(dest):
        raise FileWriteError("dest '%s' is a directory; give a file name." % dest)
    if not os.path.isdir(directory):
        raise FileWriteError("The directory of dest '%s' does not exist; create it first (ansible.builtin.file)." % dest)
    old, info = _current(dest)
    created = info is None
    if not created:
        wanted = (stat.S_IMODE(info.st_mode) if mode is None else mode,
                  info.st_uid if uid is None else uid, info.st_gid if gid is None else gid)
        attributes_differ = wanted != (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)
        if old == content and not attributes_differ:
            return dict(changed=False, created=False, dest=dest)
    if check_mode:
        return dict(changed=True, created=created, dest=dest)
    try:
        if not created and old == content:
            _apply(dest, wanted[0], wanted[1], wanted[2], strict=True)
        else:
            _replace(dest, directory, content, mode if created else wanted[0], uid if created else wanted[1],
                     gid if created else wanted[2], strict_owner=created or uid is not None or gid is not None)
    except (IOError, OSError) as exc:
        raise FileWriteError("Could not write dest '%s': %s." % (dest, exc))
    return dict(changed=True, created=created, dest=dest)


def _apply(path, mode, uid, gid, strict):
    os.chmod(path, mode)
    if uid is None and gid is None:
        return
    try:
        os.chown(path, -1 if uid is None else uid, -1 if gid is None else gid)
    except OSError:
        if strict:
            raise


def _replace(dest, directory, content, mode, uid, gid, strict_owner):
    """Write a temporary file beside dest, give it its mode and owner, rename it over dest (atomic)."""
    handle, temporary = tempfile.mkstemp(prefix='.%s.' % os.path.basename(dest), dir=directory)
    try:
        with os.fdopen(handle, 'wb') as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        # An existing file's owner is kept where the writer may (best effort); an owner asked for must be set.
        _apply(temporary, _default_mode() if mode is None else mode, uid, gid, strict=strict_owner)
        os.rename(temporary, dest)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
