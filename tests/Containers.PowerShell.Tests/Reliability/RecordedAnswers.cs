using System.Formats.Tar;
using System.Text;
using Containers.PowerShell.Tests.Fixtures;

namespace Containers.PowerShell.Tests.Reliability
{
    /// <summary>
    /// What dockerd 20.10.24 (API 1.41) answered to the streaming cmdlets, for <see cref="CuttingEngine"/> to replay.
    /// Captured on 2026-12-06 with a recording proxy between each cmdlet and a private engine: the request each cmdlet
    /// makes, the status, headers and framing of each answer (which are chunked, which carry Content-Length, which have no
    /// Content-Type), and the bodies in <c>Answers/</c> as the engine sent them, one chunk per line for message streams
    /// (the container <c>cap-run</c>, the image <c>localhost/containers-test/busybox:latest</c> pushed as
    /// <c>127.0.0.1:41877/cap/busybox:1</c>, a two-step build tagged <c>cap/built:1</c>). The tar bodies of export and
    /// save are made here instead of kept (megabytes of busybox); they are split in 32 KiB chunks as the engine writes them.
    /// </summary>
    public static class RecordedAnswers
    {
        public static readonly EngineAnswer Ping = new EngineAnswer("ping", "(HEAD|GET) /_ping", "200 OK", Array.Empty<byte[]>(),
            "text/plain; charset=utf-8", chunked: false, extraHeaders: "Cache-Control: no-cache, no-store, must-revalidate\r\nPragma: no-cache\r\n");

        public static readonly EngineAnswer ContainerInspect = Json("container-inspect", "GET /containers/[^/]+/json", "container-inspect.json");

        public static readonly EngineAnswer ImageInspect = Json("image-inspect", "GET /images/.+/json", "image-inspect.json", chunked: false);

        public static readonly EngineAnswer Export = new EngineAnswer("export", "GET /containers/[^/]+/export", "200 OK", EngineAnswer.Pieces(Tar()), "application/octet-stream");

        public static readonly EngineAnswer Save = new EngineAnswer("save", "GET /images/get", "200 OK", EngineAnswer.Pieces(Tar()), "application/x-tar");

        public static readonly EngineAnswer Pull = Stream("pull", "POST /images/create", "pull.jsonl");

        public static readonly EngineAnswer Push = Stream("push", "POST /images/.+/push", "push.jsonl");

        public static readonly EngineAnswer Build = Stream("build", "POST /build", "build.jsonl");

        public static readonly EngineAnswer Load = Stream("load", "POST /images/load", "load.jsonl");

        public static readonly EngineAnswer Events = Stream("events", "GET /events", "events.jsonl");

        /// <summary>A streamed stats answer has no Content-Type; three readings a second apart.</summary>
        public static readonly EngineAnswer Stats = new EngineAnswer("stats", "GET /containers/[^/]+/stats", "200 OK", EngineAnswer.Lines(Read("stats.jsonl")), contentType: null);

        /// <summary>One reading (stream=0): dockerd sends it whole, as JSON with a Content-Length.</summary>
        public static readonly EngineAnswer StatsOnce = new EngineAnswer("stats-once", "GET /containers/[^/]+/stats", "200 OK", EngineAnswer.Lines(Read("stats.jsonl")).Skip(1).Take(1).ToList(), chunked: false);

        /// <summary>stdout/stderr frames of a container printing one, two (to stderr), three; logs have no Content-Type.</summary>
        public static readonly EngineAnswer Logs = new EngineAnswer("logs", "GET /containers/[^/]+/logs", "200 OK",
            new[] { Frame(1, "one\n"), Frame(1, "three\n"), Frame(2, "two\n") }, contentType: null);

        /// <summary>The archive of /data.txt ("hi\n"), with the stat header the engine sends.</summary>
        public static readonly EngineAnswer Archive = new EngineAnswer("archive", "GET /containers/[^/]+/archive", "200 OK", EngineAnswer.Pieces(Read("archive-data-txt.tar")),
            "application/x-tar", chunked: false,
            "X-Docker-Container-Path-Stat: eyJuYW1lIjoiZGF0YS50eHQiLCJzaXplIjozLCJtb2RlIjo0MjAsIm10aW1lIjoiMjAyNi0xMi0wNlQyMjo1ODoyNC4wMTU5MDIzM1oiLCJsaW5rVGFyZ2V0IjoiIn0=\r\n");

        /// <summary>The wait of Wait-Container on a container that ran <c>sleep 2; exit 3</c>.</summary>
        public static readonly EngineAnswer Wait = new EngineAnswer("wait", "POST /containers/[^/]+/wait", "200 OK", new[] { Encoding.UTF8.GetBytes("{\"Error\":null,\"StatusCode\":3}\n") });

        /// <summary>The wait (condition next-exit) of Invoke-ContainerImage on <c>echo out</c>.</summary>
        public static readonly EngineAnswer RunWait = new EngineAnswer("run-wait", "POST /containers/[^/]+/wait", "200 OK", new[] { Encoding.UTF8.GetBytes("{\"Error\":null,\"StatusCode\":0}\n") });

        public static readonly EngineAnswer Create = new EngineAnswer("create", "POST /containers/create", "201 Created",
            new[] { Encoding.UTF8.GetBytes("{\"Id\":\"3370f2fb6aa91c901ae08411296dc744a9a16b201a7054dcdcb0d6e7aa60caab\",\"Warnings\":[]}") }, chunked: false);

        /// <summary>The hijacked attach of <c>echo out</c>: the 101 head, then the frame, then the engine closes.</summary>
        public static readonly EngineAnswer Attach = new EngineAnswer("attach", "POST /containers/[^/]+/attach", "101 UPGRADED", new[] { Frame(1, "out\n") });

        public static readonly EngineAnswer Start = new EngineAnswer("start", "POST /containers/[^/]+/start", "204 No Content", Array.Empty<byte[]>(), contentType: null, chunked: false);

        public static readonly EngineAnswer Remove = new EngineAnswer("remove", "DELETE /containers/[^/]+", "204 No Content", Array.Empty<byte[]>(), contentType: null, chunked: false);

        public static readonly EngineAnswer ExecCreate = new EngineAnswer("exec-create", "POST /containers/[^/]+/exec", "201 Created",
            new[] { Encoding.UTF8.GetBytes("{\"Id\":\"ba2fd39a50f4334240cbe9353008efacd54b67292da4a21358137f761a0a7dfa\"}\n") }, chunked: false);

        /// <summary>The hijacked exec start of <c>echo out</c>.</summary>
        public static readonly EngineAnswer ExecStart = new EngineAnswer("exec-start", "POST /exec/[^/]+/start", "101 UPGRADED", new[] { Frame(1, "out\n") });

        public static readonly EngineAnswer ExecInspect = Json("exec-inspect", "GET /exec/[^/]+/json", "exec-inspect.json", chunked: false);

        private static EngineAnswer Json(string name, string route, string file, bool chunked = true) =>
            new EngineAnswer(name, route, "200 OK", new[] { Read(file) }, chunked: chunked);

        private static EngineAnswer Stream(string name, string route, string file) =>
            new EngineAnswer(name, route, "200 OK", EngineAnswer.Lines(Read(file)));

        private static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reliability", "Answers", file));

        /// <summary>A stdout/stderr frame: [stream, 0, 0, 0, big-endian length], then the bytes.</summary>
        private static byte[] Frame(byte stream, string text)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            var frame = new byte[8 + payload.Length];
            frame[0] = stream;
            frame[7] = (byte)payload.Length;
            payload.CopyTo(frame, 8);
            return frame;
        }

        /// <summary>A 96 KiB tar (three chunks): a root filesystem's shape is no matter to a cmdlet that only writes it to a file.</summary>
        private static byte[] Tar()
        {
            var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            {
                var content = new byte[90 * 1024];
                new Random(11).NextBytes(content);
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox") { DataStream = new MemoryStream(content) });
            }

            return tar.ToArray();
        }
    }
}
