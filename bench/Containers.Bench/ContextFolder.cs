namespace Containers.Bench
{
    /// <summary>
    /// A build context like a project's: 20,000 files, of which a .dockerignore leaves out 9,400 (a node_modules folder,
    /// .git, log files anywhere, a build folder but for the files an exception keeps). The bytes are pseudo-random from a
    /// fixed seed, so every run sends the same context; optionally a data folder of large files is added.
    /// </summary>
    internal sealed class ContextFolder
    {
        public const int Files = 20_000;

        /// <summary>src (10,000), docs (500) and the build files the exception keeps (100).</summary>
        public const int KeptFiles = 10_600;

        public const string DockerIgnore =
            "# what the build does not need\n" +
            "node_modules\n" +
            ".git\n" +
            "**/*.log\n" +
            "build\n" +
            "!build/keep-*\n" +
            "*.tmp\n";

        private const int LargeFileBytes = 128 * 1024 * 1024;

        private readonly Random _random = new Random(20_000);
        private readonly byte[] _pool = new byte[1024 * 1024];

        private ContextFolder(string directory)
        {
            Directory = directory;
            _random.NextBytes(_pool);
        }

        public string Directory { get; }

        /// <summary>Bytes of the files the .dockerignore keeps (what is sent, before tar headers and padding).</summary>
        public long KeptBytes { get; private set; }

        /// <summary>Bytes of every file in the folder.</summary>
        public long AllBytes { get; private set; }

        /// <param name="dockerfile">The Dockerfile's text.</param>
        public static ContextFolder Create(string directory, string dockerfile)
        {
            var folder = new ContextFolder(directory);
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Dockerfile"), dockerfile);
            File.WriteAllText(Path.Combine(directory, ".dockerignore"), DockerIgnore);
            for (int module = 0; module < 100; module++)
            {
                for (int file = 0; file < 100; file++)
                {
                    folder.Write(true, 512, 8192, "src", $"mod{module:00}", $"file{file:000}.cs");
                }

                for (int log = 0; log < 10; log++)
                {
                    folder.Write(false, 256, 4096, "src", $"mod{module:00}", $"debug{log}.log");
                }
            }

            for (int package = 0; package < 300; package++)
            {
                for (int file = 0; file < 20; file++)
                {
                    folder.Write(false, 256, 2048, "node_modules", $"pkg{package:000}", "lib", $"f{file:00}.js");
                }
            }

            for (int i = 0; i < 1000; i++)
            {
                folder.Write(false, 128, 1024, ".git", "objects", $"{i / 10:00}", $"{i % 10:x}{i:x6}");
            }

            for (int i = 0; i < 1400; i++)
            {
                folder.Write(false, 1024, 16384, "build", $"out{i:0000}.o");
            }

            for (int i = 0; i < 100; i++)
            {
                folder.Write(true, 1024, 16384, "build", $"keep-{i:000}.o");
            }

            for (int i = 0; i < 500; i++)
            {
                folder.Write(true, 1024, 8192, "docs", $"page{i:000}.md");
            }

            return folder;
        }

        /// <summary>Adds <paramref name="count"/> files of 128 MiB in data/ (kept).</summary>
        public void AddLargeFiles(int count)
        {
            for (int i = 0; i < count; i++)
            {
                WriteLarge(Path.Combine(Directory, "data", $"blob{i}.bin"));
            }
        }

        private void Write(bool kept, int minimum, int maximum, params string[] parts)
        {
            string path = Path.Combine(Directory, Path.Combine(parts));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            int size = _random.Next(minimum, maximum);
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(_pool, _random.Next(0, _pool.Length - size), size);
            }

            AllBytes += size;
            KeptBytes += kept ? size : 0;
        }

        private void WriteLarge(string path)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var block = new byte[_pool.Length];
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
            {
                for (int written = 0; written < LargeFileBytes; written += block.Length)
                {
                    _random.NextBytes(block);
                    file.Write(block, 0, block.Length);
                }
            }

            AllBytes += LargeFileBytes;
            KeptBytes += LargeFileBytes;
        }

        /// <summary>Removes the folder (it also goes with the engine's folder if this program dies first).</summary>
        public void Delete() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
