using System.Reflection;
using System.Text.Json;
using Containers.Commands.Engines;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Tests.Engine.Tls;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Models
{
    /// <summary>
    /// The engine every object carries is a small handle: from a --tlsverify engine reached with a client certificate, what
    /// a serializer reading public members (as ConvertTo-Json and Export-Clixml do) finds is its name, address, source and
    /// that it uses TLS; never the client, its certificates or keys. Its name, read back, reaches that same engine.
    /// </summary>
    public sealed class EngineHandleTests : EngineTest, IClassFixture<TlsEngineFixture>, IDisposable
    {
        private readonly TlsEngineFixture _tlsEngine;
        private readonly MadeUpEngineSetup _setup = new MadeUpEngineSetup("containers-handle-");

        public EngineHandleTests(TlsEngineFixture tlsEngine)
        {
            _tlsEngine = tlsEngine;
        }

        public void Dispose()
        {
            _setup.Dispose();
        }

        [Fact]
        public void The_handle_has_only_name_address_source_and_tls_in_public()
        {
            string[] members = typeof(ContainerEngine).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "Name", "Source", "Uri", "UsesTls" }, members);
            Assert.Empty(typeof(ContainerEngine).GetFields(BindingFlags.Public | BindingFlags.Instance));
            Assert.All(typeof(ContainerEngine).GetProperties(), p => Assert.Null(p.SetMethod));
        }

        [Fact]
        public async Task Containers_and_the_snapshot_of_a_tls_engine_serialize_without_client_certificate_or_key()
        {
            ContainerEngineInfo connected = await new ConnectEngineCommand(_setup.Selector)
            {
                Uri = _tlsEngine.Address,
                Tls = { CertificatePath = _tlsEngine.Certificates.RsaPkcs8 },
            }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);
            ContainerEngine tls = connected.Engine;
            Assert.True(tls.UsesTls);

            // Four listed containers, as Get-Container gives them, carrying the TLS engine.
            for (int i = 0; i < 4; i++)
            {
                await CreateAsync(new[] { "true" }, labels: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
            }

            List<ContainerSummary> summaries = await Client.Containers.ListAsync(new ContainerListParameters { All = true });
            Container[] containers = summaries.Take(4).Select(summary => Container.FromSummary(summary, tls)).ToArray();
            Assert.Equal(4, containers.Length);

            string json = JsonSerializer.Serialize(containers);
            string info = JsonSerializer.Serialize(connected);
            foreach (string text in new[] { json, info })
            {
                Assert.DoesNotContain("PrivateKey", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Certificate", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Client", text, StringComparison.Ordinal);
                Assert.Contains("\"Engine\":{\"Name\":\"" + _tlsEngine.Address + "\",\"Uri\":\"" + _tlsEngine.Address + "\",\"Source\":\"parameter\",\"UsesTls\":true}", text, StringComparison.Ordinal);
            }

            // Before the split, ConvertTo-Json of four such containers was 27,848 characters, most of it the client's TLS settings.
            Assert.True(json.Length < 6_000, $"{json.Length} characters: {json}");
        }

        [Fact]
        public async Task The_name_of_a_tls_engine_read_back_reaches_that_engine_with_its_certificate()
        {
            ContainerEngineInfo connected = await new ConnectEngineCommand(_setup.Selector)
            {
                Uri = _tlsEngine.Address,
                Tls = { CertificatePath = _tlsEngine.Certificates.RsaPkcs8 },
            }.ExecuteAsync(_setup.Session, new RecordingOutput(), default);

            // What Export-Csv, Export-Clixml and job output leave of it is its name.
            Assert.Equal(_tlsEngine.Address, connected.Engine.ToString());
            Assert.Same(connected.Engine, _setup.Selector.FromArgument(connected.Engine.ToString(), _setup.Session));
            Assert.Same(connected.Engine, _setup.Selector.FromArgument(connected));

            // In another session (a job's runspace) the process's one engine by that address is found too.
            ContainerEngine elsewhere = _setup.Selector.FromArgument(_tlsEngine.Address, "another-session");
            Assert.True(elsewhere.UsesTls);
            Assert.True(await new TestEngineCommand().TestAsync(elsewhere, new RecordingOutput(), default));
        }

        [Fact]
        public async Task Each_snapshot_is_new_and_one_held_keeps_what_it_was_given()
        {
            ContainerEngineInfo first = await EngineInfo.LoadAsync(Engine, default);
            int? held = first.Containers;
            await CreateAsync(new[] { "true" });
            ContainerEngineInfo second = await EngineInfo.LoadAsync(Engine, default);

            Assert.NotSame(first, second);
            Assert.Same(first.Engine, second.Engine);
            Assert.Equal(held, first.Containers);
            Assert.Null(typeof(ContainerEngineInfo).GetProperty(nameof(ContainerEngineInfo.Containers))!.GetSetMethod());
        }
    }
}
