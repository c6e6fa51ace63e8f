using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using Containers.Engine;
using Containers.Engine.Http;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The image engine tests run: a root filesystem holding the static busybox and its applet links, imported into the
    /// private engine. Its name starts with <c>localhost/</c>, so even a stray pull would go to loopback, never to Docker Hub.
    /// </summary>
    public static class TestImage
    {
        public const string Repository = "localhost/containers-test/busybox";
        public const string Tag = "latest";
        public const string Reference = Repository + ":" + Tag;

        /// <summary>A tar of the root filesystem, made in memory.</summary>
        public static byte[] BuildRootFilesystem()
        {
            string busybox = FindStaticBusybox();
            using var output = new MemoryStream();
            using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                foreach (string folder in new[] { "bin/", "etc/", "tmp/", "root/", "proc/", "sys/", "dev/" })
                {
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder) { Mode = folder == "tmp/" ? (UnixFileMode)0x3FF : (UnixFileMode)0x1ED });
                }

                var binary = new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox") { Mode = (UnixFileMode)0x1ED, DataStream = File.OpenRead(busybox) };
                tar.WriteEntry(binary);
                binary.DataStream.Dispose();

                foreach (string applet in ListApplets(busybox).Where(name => name != "busybox"))
                {
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", Mode = (UnixFileMode)0x1FF });
                }

                WriteText(tar, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
                WriteText(tar, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
            }

            return output.ToArray();
        }

        /// <summary>Imports the root filesystem as <see cref="Reference"/> with PATH set, as the CLI's <c>import --change</c> would.</summary>
        public static async Task ImportAsync(EngineClient client)
        {
            var request = new EngineRequest("POST", "/images/create") { Timeout = ResponseTimeout.None };
            request.Query.Add("fromSrc", "-").Add("repo", Repository).Add("tag", Tag)
                .Add("changes", "ENV PATH=/bin").Add("changes", "CMD [\"sh\"]");
            request.Content = RequestContent.FromBytes(BuildRootFilesystem(), "application/x-tar");
            using EngineResponse response = await client.SendAsync(request).ConfigureAwait(false);
            byte[] body = await response.ReadAllBytesAsync(default).ConfigureAwait(false);
            string text = Encoding.UTF8.GetString(body);
            if (text.Contains("\"errorDetail\"", StringComparison.Ordinal) || text.Contains("\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Importing the test image failed: " + text);
            }
        }

        private static void WriteText(TarWriter tar, string name, string text)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = (UnixFileMode)0x1A4, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
            tar.WriteEntry(entry);
        }

        private static string FindStaticBusybox()
        {
            // busybox-static installs /bin/busybox (merged /usr on Debian puts it in /usr/bin too).
            foreach (string candidate in new[] { "/bin/busybox", "/usr/bin/busybox" })
            {
                if (File.Exists(candidate) && IsStatic(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("The engine tests need a static busybox to build their image. " + Prerequisites.InstallHint);
        }

        private static bool IsStatic(string path)
        {
            // A dynamic ELF has a PT_INTERP program header naming its loader; the static one does not mention ld-linux.
            byte[] head = File.ReadAllBytes(path);
            return !Encoding.ASCII.GetString(head, 0, Math.Min(head.Length, 4096)).Contains("ld-linux", StringComparison.Ordinal);
        }

        private static string[] ListApplets(string busybox)
        {
            var start = new ProcessStartInfo(busybox, "--list") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process process = Process.Start(start)!;
            string list = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        internal static string Describe(JsonElement element) => element.GetRawText();
    }
}
