using System.Globalization;
using System.Text;

namespace Containers.Engine.Archives
{
    /// <summary>
    /// Writes the 512-byte ustar header of one entry, preceded by a PAX extended header when a name, link target or size
    /// does not fit ustar's fields, as Go's archive/tar (and so the docker CLI) does. Owner and group are always 0:
    /// what the engine unpacks belongs to root inside the container, whoever sent it.
    /// </summary>
    public static class TarHeader
    {
        public const int BlockSize = 512;
        private const long MaxUstarSize = 0x1FFFFFFFF; // eleven octal digits

        /// <summary>The header block(s) for an entry: a PAX header and its records first when needed.</summary>
        /// <param name="name">The entry's path inside the archive, '/'-separated; a directory's ends with '/'.</param>
        public static byte[] Build(string name, TarEntryKind kind, long size, int mode, DateTime modifiedUtc, string? linkTarget = null)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A tar entry needs a name.", nameof(name));
            }

            long seconds = Math.Max(0, (long)Math.Floor((modifiedUtc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds));
            var pax = new List<(string Key, string Value)>();
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            string? prefix = null;
            string shortName = name;
            if (nameBytes.Length > 100 || !IsAscii(name))
            {
                // ustar can split a long name at a '/' into prefix (155) and name (100); anything else goes to PAX.
                if (!IsAscii(name) || !TrySplit(name, out prefix, out shortName))
                {
                    pax.Add(("path", name));
                    prefix = null;
                    shortName = Truncate(name, 100);
                }
            }

            string? link = linkTarget;
            if (link != null && (Encoding.UTF8.GetByteCount(link) > 100 || !IsAscii(link)))
            {
                pax.Add(("linkpath", link));
                link = Truncate(link, 100);
            }

            if (size > MaxUstarSize)
            {
                pax.Add(("size", size.ToString(CultureInfo.InvariantCulture)));
            }

            byte[] header = Block(shortName, prefix, kind, size > MaxUstarSize ? 0 : size, mode, seconds, link);
            if (pax.Count == 0)
            {
                return header;
            }

            byte[] records = PaxRecords(pax);
            byte[] paxHeader = Block(Truncate("PaxHeaders.0/" + shortName, 100), null, null, records.Length, 0x1A4, seconds, null);
            int padded = (records.Length + BlockSize - 1) / BlockSize * BlockSize;
            var all = new byte[paxHeader.Length + padded + header.Length];
            Buffer.BlockCopy(paxHeader, 0, all, 0, paxHeader.Length);
            Buffer.BlockCopy(records, 0, all, paxHeader.Length, records.Length);
            Buffer.BlockCopy(header, 0, all, paxHeader.Length + padded, header.Length);
            return all;
        }

        /// <summary>Zero bytes that bring an entry's data to a whole number of blocks.</summary>
        public static int PaddingAfter(long size) => (int)((BlockSize - (size % BlockSize)) % BlockSize);

        private static byte[] Block(string name, string? prefix, TarEntryKind? kind, long size, int mode, long seconds, string? link)
        {
            var block = new byte[BlockSize];
            Put(block, 0, 100, name);
            Octal(block, 100, 8, mode & 0xFFF);
            Octal(block, 108, 8, 0);
            Octal(block, 116, 8, 0);
            Octal(block, 124, 12, size);
            Octal(block, 136, 12, seconds);
            block[156] = kind switch
            {
                null => (byte)'x',
                TarEntryKind.Directory => (byte)'5',
                TarEntryKind.SymbolicLink => (byte)'2',
                _ => (byte)'0',
            };
            if (link != null)
            {
                Put(block, 157, 100, link);
            }

            Put(block, 257, 6, "ustar\0");
            Put(block, 263, 2, "00");
            if (prefix != null)
            {
                Put(block, 345, 155, prefix);
            }

            // The checksum is summed with its own field read as spaces.
            for (int i = 148; i < 156; i++)
            {
                block[i] = (byte)' ';
            }

            int sum = 0;
            foreach (byte b in block)
            {
                sum += b;
            }

            Octal(block, 148, 7, sum);
            block[155] = (byte)' ';
            return block;
        }

        private static byte[] PaxRecords(List<(string Key, string Value)> records)
        {
            var text = new StringBuilder();
            foreach ((string key, string value) in records)
            {
                // "LEN key=value\n", where LEN counts the whole record including its own digits.
                int body = Encoding.UTF8.GetByteCount(" " + key + "=" + value + "\n");
                int length = body + body.ToString(CultureInfo.InvariantCulture).Length;
                if (length.ToString(CultureInfo.InvariantCulture).Length != body.ToString(CultureInfo.InvariantCulture).Length)
                {
                    length++;
                }

                text.Append(length.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(key).Append('=').Append(value).Append('\n');
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        private static bool TrySplit(string name, out string? prefix, out string rest)
        {
            prefix = null;
            rest = name;
            for (int slash = name.IndexOf('/'); slash >= 0; slash = name.IndexOf('/', slash + 1))
            {
                if (slash <= 155 && name.Length - slash - 1 <= 100 && name.Length - slash - 1 > 0)
                {
                    prefix = name.Substring(0, slash);
                    rest = name.Substring(slash + 1);
                    return true;
                }
            }

            return false;
        }

        private static bool IsAscii(string text)
        {
            foreach (char c in text)
            {
                if (c >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Truncate(string text, int bytes)
        {
            var ascii = new StringBuilder();
            foreach (char c in text)
            {
                if (ascii.Length == bytes)
                {
                    break;
                }

                ascii.Append(c < 0x80 ? c : '_');
            }

            return ascii.ToString();
        }

        private static void Put(byte[] block, int offset, int length, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            Buffer.BlockCopy(bytes, 0, block, offset, Math.Min(length, bytes.Length));
        }

        private static void Octal(byte[] block, int offset, int length, long value)
        {
            string digits = Convert.ToString(value, 8).PadLeft(length - 1, '0');
            Put(block, offset, length - 1, digits);
            block[offset + length - 1] = 0;
        }
    }
}
