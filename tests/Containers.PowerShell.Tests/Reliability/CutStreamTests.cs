using System.Formats.Tar;
using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;
using static Containers.PowerShell.Tests.Reliability.RecordedAnswers;

namespace Containers.PowerShell.Tests.Reliability
{
    /// <summary>
    /// Every streaming cmdlet against an engine that hangs up in the middle of its stream (<see cref="CuttingEngine"/>,
    /// replaying dockerd's answers): mid-head, mid-chunk, at a chunk boundary before the terminating chunk, before
    /// Content-Length is reached. A body ends only as HTTP says, so each cut is a connection error (ConnectionError), no
    /// result object is written (a cut pull is no pulled image, a cut save no archive), and a file being written is
    /// removed. What arrived whole before the cut (log lines, events, readings, a program's output) may be written: it
    /// is true. Each cmdlet's whole answer, from the same engine, succeeds: the cut, not the script, makes the error.
    /// </summary>
    public sealed class CutStreamTests : IClassFixture<CutStreamTests.Session>, IDisposable
    {
        private readonly Session _session;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cps-cut-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly string _inputs = Path.Combine(Path.GetTempPath(), "cps-cut-in-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public CutStreamTests(Session session)
        {
            _session = session;
            Directory.CreateDirectory(_folder);
            Directory.CreateDirectory(_inputs);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
            Directory.Delete(_inputs, recursive: true);
        }

        /// <summary>One streaming cmdlet: its script (the engine is $E, files go to $Folder), the answers it needs, and which is cut.</summary>
        private sealed record Row(string Script, string Cut, bool WritesWhatArrived, params EngineAnswer[] Answers)
        {
            /// <summary>Where the answer can be cut: a hijacked stream has a head and frames, no chunks and no length.</summary>
            public CutPoint[] CutPoints { get; init; } = { CutPoint.MidHead, CutPoint.MidChunk, CutPoint.ChunkBoundary, CutPoint.BeforeContentLength };
        }

        private static readonly Dictionary<string, Row> Rows = new Dictionary<string, Row>
        {
            ["Export-Container"] = new Row("Export-Container -Name cap-run -Path (Join-Path $Folder rootfs.tar) -PassThru -Engine $E", "export", false, Ping, ContainerInspect, Export),
            ["Export-ContainerImage"] = new Row("Export-ContainerImage -Name localhost/containers-test/busybox:latest -Path (Join-Path $Folder images.tar) -PassThru -Engine $E", "save", false, Ping, ImageInspect, Save),
            ["Invoke-ImagePull"] = new Row("Invoke-ImagePull -Name 127.0.0.1:41877/cap/busybox:1 -Engine $E", "pull", false, Ping, Pull, ImageInspect),
            ["Invoke-ImagePush"] = new Row("Invoke-ImagePush -Name 127.0.0.1:41877/cap/busybox:1 -Engine $E", "push", false, Ping, ImageInspect, Push),
            ["Invoke-ImageBuild"] = new Row("Invoke-ImageBuild -Path $Context -Tag cap/built:1 -Engine $E", "build", false, Ping, Build, ImageInspect),
            ["Import-ContainerImage"] = new Row("Import-ContainerImage -Path $Tar -Engine $E", "load", false, Ping, Load, ImageInspect),
            ["Get-ContainerLog"] = new Row("Get-ContainerLog -Name cap-logs -Engine $E", "logs", true, Ping, ContainerInspect, Logs),
            ["Get-ContainerLog -Follow"] = new Row("Get-ContainerLog -Name cap-run -Follow -Engine $E", "logs", true, Ping, ContainerInspect, Logs),
            ["Get-ContainerEvent -Follow"] = new Row("Get-ContainerEvent -Follow -Engine $E", "events", true, Ping, Events),
            ["Get-ContainerStatistics -Stream"] = new Row("Get-ContainerStatistics -Name cap-run -Stream -Engine $E", "stats", true, Ping, ContainerInspect, Stats),
            ["Get-ContainerStatistics"] = new Row("Get-ContainerStatistics -Name cap-run -Engine $E", "stats-once", false, Ping, ContainerInspect, StatsOnce),
            // Not a stream, but a chunked answer all the same (dockerd flushes its inspect JSON as a chunk): the same rule.
            ["Get-ContainerDetail"] = new Row("Get-ContainerDetail -Name cap-run -Engine $E", "container-inspect", false, Ping, ContainerInspect),
            ["Copy-ContainerItem -FromContainer"] = new Row("Copy-ContainerItem -FromContainer cap-run -Path /data.txt -Destination (Join-Path $Folder data.txt) -PassThru -Engine $E", "archive", false, Ping, Archive),
            ["Wait-Container"] = new Row("Wait-Container -Name cap-wait -Engine $E", "wait", false, Ping, ContainerInspect, Wait),
            ["Invoke-ContainerImage (exit code)"] = new Row("Invoke-ContainerImage -Image localhost/containers-test/busybox:latest -Command sh,-c,'echo out' -Remove -Engine $E", "run-wait", true, Ping, Create, Attach, RunWait, Start, Remove),
            ["Invoke-ContainerImage (output)"] = new Row("Invoke-ContainerImage -Image localhost/containers-test/busybox:latest -Command sh,-c,'echo out' -Remove -Engine $E", "attach", true, Ping, Create, Attach, RunWait, Start, Remove)
            {
                CutPoints = new[] { CutPoint.MidHead, CutPoint.MidChunk },
            },
            ["Invoke-ContainerCommand (output)"] = new Row("Invoke-ContainerCommand -Name cap-run -Command sh,-c,'echo out' -Engine $E", "exec-start", true, Ping, ExecCreate, ExecStart, ExecInspect)
            {
                CutPoints = new[] { CutPoint.MidHead, CutPoint.MidChunk },
            },
            ["Invoke-ContainerCommand (exit code)"] = new Row("Invoke-ContainerCommand -Name cap-run -Command sh,-c,'echo out' -Engine $E", "exec-inspect", true, Ping, ExecCreate, ExecStart, ExecInspect),
        };

        public static TheoryData<string> Cmdlets => new TheoryData<string>(Rows.Keys);

        public static TheoryData<string, CutPoint> Cuts
        {
            get
            {
                var data = new TheoryData<string, CutPoint>();
                foreach ((string cmdlet, Row row) in Rows)
                {
                    foreach (CutPoint cut in row.CutPoints)
                    {
                        data.Add(cmdlet, cut);
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public void A_stream_cut_short_is_a_connection_error_with_no_result_and_no_file(string cmdlet, CutPoint cut)
        {
            Row row = Rows[cmdlet];
            using var engine = new CuttingEngine(row.Answers, row.Cut, cut);

            RunResult result = Run(engine, row);

            Assert.True(engine.CutSent, $"{cmdlet} never asked for the {row.Cut} answer; it asked for: {string.Join(", ", engine.Requests)}");
            Assert.Empty(engine.Unanswered);
            IReadOnlyList<ErrorRecord> errors = result.AllErrors;
            Assert.True(errors.Count > 0, $"{cmdlet} cut {cut}: no error. Output: {result.Text}");
            Assert.True(
                errors.All(error => error.CategoryInfo.Category == ErrorCategory.ConnectionError && error.FullyQualifiedErrorId.StartsWith(CutErrorId + ",", StringComparison.Ordinal)),
                $"{cmdlet} cut {cut}: expected {CutErrorId} (ConnectionError). {result.Describe()}");
            if (!row.WritesWhatArrived)
            {
                Assert.True(result.Output.Count == 0, $"{cmdlet} cut {cut} wrote a result: {result.Text}");
            }

            Assert.Empty(Directory.GetFileSystemEntries(_folder));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void The_whole_stream_from_the_same_engine_succeeds(string cmdlet)
        {
            Row row = Rows[cmdlet];
            using var engine = new CuttingEngine(row.Answers);

            RunResult result = Run(engine, row);

            result.AssertNoErrors();
            Assert.Empty(engine.Unanswered);
            Assert.NotEmpty(result.Output);
        }

        /// <summary>The error id of a cut stream: the engine connection lost part-way.</summary>
        private const string CutErrorId = "EngineUnreachable";

        private RunResult Run(CuttingEngine engine, Row row)
        {
            string context = Path.Combine(_inputs, "context");
            Directory.CreateDirectory(context);
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM localhost/containers-test/busybox:latest\nRUN echo built > /built.txt\n");
            string tar = Path.Combine(_inputs, "images.tar");
            using (FileStream file = File.Create(tar))
            {
                // What Import-ContainerImage sends; the fake engine reads it and does not look inside.
                TarFile.CreateFromDirectory(context, file, includeBaseDirectory: false);
            }

            return _session.Module.Run(row.Script, new Dictionary<string, object?>
            {
                ["E"] = engine.Uri,
                ["Folder"] = _folder,
                ["Context"] = context,
                ["Tar"] = tar,
            });
        }

        /// <summary>One PowerShell session for the whole table: each row brings its own engine by -Engine.</summary>
        public sealed class Session : IAsyncLifetime
        {
            public ModuleSession Module { get; private set; } = null!;

            public async Task InitializeAsync() => Module = await ModuleSession.StartAsync();

            public Task DisposeAsync()
            {
                Module.Dispose();
                return Task.CompletedTask;
            }
        }
    }
}
