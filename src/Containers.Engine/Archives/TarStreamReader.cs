using System.Globalization;
using System.Text;

namespace Containers.Engine.Archives
{
    /// <summary>
    /// Reads a tar stream entry by entry as it arrives (ustar, with PAX and GNU long names, as the engine's archive and
    /// export endpoints write them). Each entry's data is read through <see cref="ReadDataAsync"/> before the next entry;
    /// whatever is not read is skipped. Nothing is buffered beyond one header.
    /// </summary>
    public sealed class TarStreamReader
    {
        private const int Block = TarHeader.BlockSize;

        private readonly Stream _stream;
        private readonly byte[] _header = new byte[Block];
        private long _remaining;
        private int _padding;

        public TarStreamReader(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        }

        /// <summary>The next entry, or null at the end of the archive.</summary>
        /// <exception cref="InvalidDataException">The stream is not a tar archive, or ends inside one.</exception>
        public async Task<TarReaderEntry?> NextAsync(CancellationToken cancellationToken = default)
        {
            await SkipAsync(cancellationToken).ConfigureAwait(false);
            Dictionary<string, string>? pax = null;
            string? longName = null;
            string? longLink = null;
            while (true)
            {
                if (!await ReadBlockAsync(_header, allowEnd: true, cancellationToken).ConfigureAwait(false) || IsZero(_header))
                {
                    return null;
                }

                if (!ChecksumMatches(_header))
                {
                    throw new InvalidDataException("The archive is not a tar stream (a header's checksum does not match).");
                }

                char type = (char)_header[156];
                long size = ParseNumber(_header, 124, 12);
                switch (type)
                {
                    case 'x':
                        pax = ParsePax(await ReadAllDataAsync(size, cancellationToken).ConfigureAwait(false));
                        continue;
                    case 'g':
                        await ReadAllDataAsync(size, cancellationToken).ConfigureAwait(false); // global headers carry nothing a copy uses
                        continue;
                    case 'L':
                        longName = Encoding.UTF8.GetString(await ReadAllDataAsync(size, cancellationToken).ConfigureAwait(false)).TrimEnd('\0');
                        continue;
                    case 'K':
                        longLink = Encoding.UTF8.GetString(await ReadAllDataAsync(size, cancellationToken).ConfigureAwait(false)).TrimEnd('\0');
                        continue;
                }

                string name = pax != null && pax.TryGetValue("path", out string? paxPath) ? paxPath : longName ?? UstarName(_header);
                string? link = pax != null && pax.TryGetValue("linkpath", out string? paxLink) ? paxLink : longLink ?? NullTerminated(_header, 157, 100);
                if (pax != null && pax.TryGetValue("size", out string? paxSize) && long.TryParse(paxSize, NumberStyles.None, CultureInfo.InvariantCulture, out long large))
                {
                    size = large;
                }

                DateTime modified = DateTimeOffset.FromUnixTimeSeconds(Math.Max(0, ParseNumber(_header, 136, 12))).UtcDateTime;
                if (pax != null && pax.TryGetValue("mtime", out string? paxTime)
                    && double.TryParse(paxTime, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                {
                    modified = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);
                }

                TarReaderEntryKind kind = type switch
                {
                    '0' or '\0' or '7' => name.EndsWith("/", StringComparison.Ordinal) ? TarReaderEntryKind.Directory : TarReaderEntryKind.File,
                    '5' => TarReaderEntryKind.Directory,
                    '2' => TarReaderEntryKind.SymbolicLink,
                    '1' => TarReaderEntryKind.HardLink,
                    _ => TarReaderEntryKind.Other,
                };
                long data = kind == TarReaderEntryKind.File || kind == TarReaderEntryKind.Other ? size : 0;
                _remaining = data;
                _padding = TarHeader.PaddingAfter(data);
                return new TarReaderEntry(name, kind, data, (int)(ParseNumber(_header, 100, 8) & 0xFFF), modified,
                    kind == TarReaderEntryKind.SymbolicLink || kind == TarReaderEntryKind.HardLink ? link : null);
            }
        }

        /// <summary>Reads the current entry's data; 0 at its end.</summary>
        public async Task<int> ReadDataAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken = default)
        {
            if (_remaining == 0)
            {
                return 0;
            }

            int read = await _stream.ReadAsync(buffer, offset, (int)Math.Min(count, _remaining), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidDataException("The archive ended in the middle of an entry's data.");
            }

            _remaining -= read;
            return read;
        }

        private async Task SkipAsync(CancellationToken cancellationToken)
        {
            var scratch = new byte[64 * 1024];
            while (_remaining > 0)
            {
                await ReadDataAsync(scratch, 0, scratch.Length, cancellationToken).ConfigureAwait(false);
            }

            if (_padding > 0)
            {
                await ReadExactlyAsync(scratch, _padding, cancellationToken).ConfigureAwait(false);
                _padding = 0;
            }
        }

        private async Task<byte[]> ReadAllDataAsync(long size, CancellationToken cancellationToken)
        {
            if (size < 0 || size > 16 * 1024 * 1024)
            {
                throw new InvalidDataException($"The archive has an extended header of {size} bytes, more than any real one needs.");
            }

            var data = new byte[size];
            await ReadExactlyAsync(data, (int)size, cancellationToken).ConfigureAwait(false);
            int padding = TarHeader.PaddingAfter(size);
            if (padding > 0)
            {
                await ReadExactlyAsync(new byte[padding], padding, cancellationToken).ConfigureAwait(false);
            }

            return data;
        }

        private async Task<bool> ReadBlockAsync(byte[] block, bool allowEnd, CancellationToken cancellationToken)
        {
            int filled = 0;
            while (filled < block.Length)
            {
                int read = await _stream.ReadAsync(block, filled, block.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (filled == 0 && allowEnd)
                    {
                        return false;
                    }

                    throw new InvalidDataException("The archive ended in the middle of a header.");
                }

                filled += read;
            }

            return true;
        }

        private async Task ReadExactlyAsync(byte[] buffer, int count, CancellationToken cancellationToken)
        {
            int filled = 0;
            while (filled < count)
            {
                int read = await _stream.ReadAsync(buffer, filled, count - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidDataException("The archive ended in the middle of an entry.");
                }

                filled += read;
            }
        }

        private static Dictionary<string, string> ParsePax(byte[] data)
        {
            // Records are "LENGTH key=value\n", LENGTH counting the whole record in bytes.
            var records = new Dictionary<string, string>(StringComparer.Ordinal);
            int position = 0;
            while (position < data.Length)
            {
                int space = Array.IndexOf(data, (byte)' ', position);
                if (space < 0 || !int.TryParse(Encoding.ASCII.GetString(data, position, space - position), NumberStyles.None, CultureInfo.InvariantCulture, out int length)
                    || length <= space - position || position + length > data.Length)
                {
                    throw new InvalidDataException("The archive has a malformed PAX header.");
                }

                string record = Encoding.UTF8.GetString(data, space + 1, position + length - space - 2);
                int equals = record.IndexOf('=');
                if (equals > 0)
                {
                    records[record.Substring(0, equals)] = record.Substring(equals + 1);
                }

                position += length;
            }

            return records;
        }

        private static string UstarName(byte[] header)
        {
            string name = NullTerminated(header, 0, 100) ?? string.Empty;
            bool ustar = header[257] == (byte)'u' && header[258] == (byte)'s' && header[259] == (byte)'t' && header[260] == (byte)'a' && header[261] == (byte)'r';
            string? prefix = ustar ? NullTerminated(header, 345, 155) : null;
            return string.IsNullOrEmpty(prefix) ? name : prefix + "/" + name;
        }

        private static string? NullTerminated(byte[] block, int offset, int length)
        {
            int end = offset;
            while (end < offset + length && block[end] != 0)
            {
                end++;
            }

            return end == offset ? null : Encoding.UTF8.GetString(block, offset, end - offset);
        }

        private static long ParseNumber(byte[] block, int offset, int length)
        {
            if ((block[offset] & 0x80) != 0)
            {
                // GNU base-256 for values octal cannot hold.
                long big = block[offset] & 0x7F;
                for (int i = 1; i < length; i++)
                {
                    big = (big << 8) | block[offset + i];
                }

                return big;
            }

            long value = 0;
            for (int i = offset; i < offset + length; i++)
            {
                byte b = block[i];
                if (b == 0 || b == (byte)' ')
                {
                    if (value > 0)
                    {
                        break;
                    }

                    continue;
                }

                if (b < (byte)'0' || b > (byte)'7')
                {
                    throw new InvalidDataException("The archive has a malformed number in a header.");
                }

                value = (value * 8) + (b - (byte)'0');
            }

            return value;
        }

        private static bool ChecksumMatches(byte[] header)
        {
            long expected = ParseNumber(header, 148, 8);
            long sum = 0;
            for (int i = 0; i < header.Length; i++)
            {
                sum += i >= 148 && i < 156 ? (byte)' ' : header[i];
            }

            return sum == expected;
        }

        private static bool IsZero(byte[] block)
        {
            foreach (byte b in block)
            {
                if (b != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
