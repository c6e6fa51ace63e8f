using System.Collections.Concurrent;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// What was parsed from TLS files, kept while the files stay as they were. Every command reads its trust material
    /// afresh (DOCKER_CERT_PATH, a context's folder, a host's), and pairing cert.pem with key.pem costs about 60 ms (the
    /// key goes through a PKCS#12 to reach X509Certificate2), more than the call it serves. Each file is known by its full
    /// path, length and last write time, taken before it is read: a file replaced, rewritten or touched is read again, and
    /// one changed while it was being read is read again the next time.
    /// </summary>
    /// <remarks>
    /// One entry per set of files, replaced when they change, so the cache holds no more than the folders in use. Only
    /// what was read without error is kept. Values are shared between the settings loaded from the same files, which is
    /// safe: certificates are never disposed by their users, and SslStream only reads them.
    /// </remarks>
    internal static class TlsFileCache
    {
        private static readonly ConcurrentDictionary<string, Entry> Entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>The value read from <paramref name="paths"/> before, while none of them changed; else <paramref name="read"/>'s.</summary>
        public static T GetOrRead<T>(IReadOnlyList<string> paths, Func<T> read)
            where T : class
        {
            string key = typeof(T).FullName + "\n" + string.Join("\n", paths.Select(Path.GetFullPath));
            FileStamp[] stamps = paths.Select(FileStamp.Of).ToArray();
            if (Entries.TryGetValue(key, out Entry? entry) && entry.Stamps.SequenceEqual(stamps) && entry.Value is T cached)
            {
                return cached;
            }

            T value = read();
            Entries[key] = new Entry(stamps, value);
            return value;
        }

        private sealed class Entry
        {
            public Entry(FileStamp[] stamps, object value)
            {
                Stamps = stamps;
                Value = value;
            }

            public FileStamp[] Stamps { get; }

            public object Value { get; }
        }

        /// <summary>A file as it is now: a missing one has length -1.</summary>
        private readonly struct FileStamp : IEquatable<FileStamp>
        {
            private readonly long _length;
            private readonly long _lastWriteTicks;

            private FileStamp(long length, long lastWriteTicks)
            {
                _length = length;
                _lastWriteTicks = lastWriteTicks;
            }

            public static FileStamp Of(string path)
            {
                var file = new FileInfo(path);
                return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks) : new FileStamp(-1, 0);
            }

            public bool Equals(FileStamp other) => _length == other._length && _lastWriteTicks == other._lastWriteTicks;

            public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

            public override int GetHashCode() => _length.GetHashCode() ^ _lastWriteTicks.GetHashCode();
        }
    }
}
