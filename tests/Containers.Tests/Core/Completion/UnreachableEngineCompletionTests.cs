using System.Collections;
using System.Diagnostics;
using Containers.Completion;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    /// <summary>
    /// An engine that is missing or mute gives no completions and no error, within the completer's time limit plus what a
    /// loaded machine adds (<see cref="Promptly.Bound"/>): a mute engine left to itself would hold the request far longer.
    /// </summary>
    public class UnreachableEngineCompletionTests
    {
        private static readonly TimeSpan Patience = Promptly.Bound;

        [Fact]
        public void A_unix_socket_that_does_not_exist_gives_nothing_promptly()
        {
            var bound = new Hashtable { ["Engine"] = "unix:///tmp/cte-absent-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock" };
            foreach (EngineNameCompleter completer in new[] { EngineCompleters.ContainerNames, EngineCompleters.ImageNames, EngineCompleters.NetworkNames, EngineCompleters.VolumeNames })
            {
                var clock = Stopwatch.StartNew();
                Assert.Empty(completer.Complete("", bound, "no-session"));
                Assert.True(clock.Elapsed < Patience, $"completion took {clock.Elapsed}");
            }
        }

        [Fact]
        public void A_tcp_port_that_accepts_and_never_answers_gives_nothing_promptly()
        {
            using var server = new SilentTcpServer();
            var bound = new Hashtable { ["Engine"] = server.Uri };

            var clock = Stopwatch.StartNew();
            Assert.Empty(EngineCompleters.ContainerNames.Complete("", bound, "no-session"));
            TimeSpan first = clock.Elapsed;

            Assert.True(first < Patience, $"completion took {first}");
            Assert.True(server.Accepted >= 1, "the client did connect: the wait was for an answer, not a connection");

            // The abandoned negotiation is still pending: the next completion must not wait for it any longer.
            clock.Restart();
            Assert.Empty(EngineCompleters.ImageNames.Complete("", bound, "no-session"));
            Assert.True(clock.Elapsed < Patience, $"the second completion took {clock.Elapsed}");
        }

        [Fact]
        public void The_time_limit_holds_for_a_source_that_never_finishes()
        {
            var stuck = new EngineNameCompleter((engine, token) => new System.Threading.Tasks.TaskCompletionSource<System.Collections.Generic.IReadOnlyList<CompletionCandidate>>().Task)
            {
                TimeLimit = TimeSpan.FromMilliseconds(300),
            };
            // Choosing the engine connects to nothing; only the source would, and it never returns.
            var bound = new Hashtable { ["Engine"] = "unix:///tmp/cte-never-asked.sock" };

            var clock = Stopwatch.StartNew();
            Assert.Empty(stuck.Complete("", bound, "no-session"));
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), Promptly.Bound); // waited for its limit, not for ever
        }
    }
}
