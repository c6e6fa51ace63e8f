using System.Text.Json;
using Containers.Engine.Configuration;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Tests.Engine.Tls;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Configuration
{
    /// <summary>
    /// Contexts written by the real docker CLI into a temporary DOCKER_CONFIG, read by our resolver, and used to reach
    /// real engines: the private engine over its unix socket, and a --tlsverify engine over tcp with the context's own
    /// TLS files. The CLI gets its environment explicitly; this process's environment is never changed.
    /// </summary>
    [RequiresEngine]
    public sealed class DockerContextTests : IClassFixture<TlsEngineFixture>, IDisposable
    {
        private readonly TlsEngineFixture _tlsEngine;
        private readonly string _config;
        private readonly FakeEngineEnvironment _environment;

        public DockerContextTests(TlsEngineFixture tlsEngine)
        {
            _tlsEngine = tlsEngine;
            string root = Path.Combine(Path.GetTempPath(), "containers-ctx-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            _config = Path.Combine(root, "docker-config");
            Directory.CreateDirectory(Path.Combine(root, "home"));
            _environment = new FakeEngineEnvironment(Path.Combine(root, "home"));
            _environment["DOCKER_CONFIG"] = _config;
        }

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(_config)!, recursive: true);

        [Fact]
        public async Task The_context_docker_context_use_chose_reaches_the_private_engine()
        {
            PrivateEngine privateEngine = await PrivateEngine.GetAsync();
            string name = PrivateEngine.UniqueName("ctx");
            Docker("context", "create", name, "--description", "the private engine", "--docker", "host=" + privateEngine.Endpoint);
            Docker("context", "use", name);

            ResolvedEngine resolved = new EndpointResolver(_environment).Resolve(null, null);
            Assert.Equal("currentContext", resolved.Source);
            Assert.Equal(name, resolved.ContextName);
            Assert.Equal(privateEngine.Endpoint, resolved.Endpoint);
            Assert.Null(resolved.Tls);

            ContainerEngine engine = new EngineSelector(_environment).FromEnvironment();
            Assert.Equal(name, engine.Name);
            Assert.Equal("currentContext", engine.Source);
            await AssertSameEngineAsync(engine, privateEngine);

            // What -Debug says about the choice.
            new EngineSelector(_environment).Select(null, NoSession, out string reason);
            Assert.Equal($"the docker CLI's current context '{name}'", reason);
        }

        // A session key no Connect-ContainerEngine ever set.
        private static string NoSession => "no-session-" + Guid.NewGuid().ToString("N");

        [Fact]
        public void With_nothing_configured_the_platform_default_is_chosen_and_debug_says_so()
        {
            ContainerEngine engine = new EngineSelector(_environment).Select(null, NoSession, out string reason);

            Assert.Equal("default", engine.Source);
            Assert.Equal("the platform default: no -Engine, Connect-ContainerEngine, DOCKER_HOST or docker context", reason);
        }

        [Fact]
        public async Task DOCKER_CONTEXT_and_an_explicit_context_pick_a_cli_written_context_over_the_current_one()
        {
            PrivateEngine privateEngine = await PrivateEngine.GetAsync();
            string good = PrivateEngine.UniqueName("ctx-good");
            string elsewhere = PrivateEngine.UniqueName("ctx-elsewhere");
            Docker("context", "create", good, "--docker", "host=" + privateEngine.Endpoint);
            Docker("context", "create", elsewhere, "--docker", "host=unix:///nonexistent/docker.sock");
            Docker("context", "use", elsewhere);

            Assert.Equal("unix:///nonexistent/docker.sock", new EndpointResolver(_environment).Resolve(null, null).Endpoint.ToString());

            ContainerEngine explicitEngine = new EngineSelector(_environment).FromContext(good);
            Assert.Equal(("context", good), (explicitEngine.Source, explicitEngine.Name));
            await AssertSameEngineAsync(explicitEngine, privateEngine);

            _environment["DOCKER_CONTEXT"] = good;
            ContainerEngine fromVariable = new EngineSelector(_environment).FromEnvironment();
            Assert.Equal(("DOCKER_CONTEXT", good), (fromVariable.Source, fromVariable.Name));
            await AssertSameEngineAsync(fromVariable, privateEngine);
            new EngineSelector(_environment).Select(null, NoSession, out string reason);
            Assert.Equal($"DOCKER_CONTEXT, the docker context '{good}'", reason);
            new EngineSelector(_environment).Select(good, NoSession, out string argumentReason);
            Assert.Equal($"-Engine (the docker context '{good}')", argumentReason);
        }

        [Fact]
        public async Task Our_context_list_matches_docker_context_ls()
        {
            PrivateEngine privateEngine = await PrivateEngine.GetAsync();
            string first = PrivateEngine.UniqueName("ctx-a");
            string second = PrivateEngine.UniqueName("ctx-b");
            Docker("context", "create", first, "--description", "first of two", "--docker", "host=" + privateEngine.Endpoint);
            Docker("context", "create", second, "--docker", "host=tcp://127.0.0.1:2999,skip-tls-verify=true");
            Docker("context", "use", first);
            _environment["DOCKER_CONTEXT"] = second;

            List<JsonElement> docker = Docker("context", "ls", "--format", "json")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .OrderBy(entry => entry.GetProperty("Name").GetString(), StringComparer.Ordinal)
                .ToList();
            IReadOnlyList<DockerContext> ours = new EndpointResolver(_environment).ListContexts();

            Assert.Equal(docker.Select(entry => entry.GetProperty("Name").GetString()), ours.Select(context => context.Name));
            Assert.Equal(docker.Select(entry => entry.GetProperty("DockerEndpoint").GetString()), ours.Select(context => context.Host));
            Assert.Equal(docker.Select(entry => entry.GetProperty("Current").GetBoolean()), ours.Select(context => context.IsCurrent));
            Assert.Equal(second, Assert.Single(ours, context => context.IsCurrent).Name);
            Assert.Equal("first of two", ours.Single(context => context.Name == first).Description);
            Assert.True(ours.Single(context => context.Name == second).SkipTlsVerify);
        }

        [Fact]
        public async Task A_context_created_with_tls_files_reaches_a_tlsverify_engine()
        {
            string name = PrivateEngine.UniqueName("ctx-tls");
            string files = _tlsEngine.Certificates.RsaPkcs8;
            Docker("context", "create", name, "--docker",
                $"host={_tlsEngine.Address},ca={Path.Combine(files, "ca.pem")},cert={Path.Combine(files, "cert.pem")},key={Path.Combine(files, "key.pem")}");

            ResolvedEngine resolved = new EndpointResolver(_environment).Resolve(null, name);
            Assert.NotNull(resolved.Tls);
            Assert.True(resolved.Tls!.VerifyServer);
            Assert.NotNull(resolved.Tls.ClientCertificate);

            ContainerEngine engine = new EngineSelector(_environment).FromContext(name);
            Assert.True(engine.UsesTls);
            Assert.Equal(new Version(1, 41), await engine.Client.GetApiVersionAsync());
            Assert.NotNull(await engine.Client.Containers.ListAsync(new ContainerListParameters { All = true }));
        }

        [Fact]
        public async Task A_context_whose_ca_file_is_replaced_is_refused_at_the_next_command_and_works_again_when_it_is_put_back()
        {
            string name = PrivateEngine.UniqueName("ctx-swap");
            string files = _tlsEngine.Certificates.RsaPkcs8;
            Docker("context", "create", name, "--docker",
                $"host={_tlsEngine.Address},ca={Path.Combine(files, "ca.pem")},cert={Path.Combine(files, "cert.pem")},key={Path.Combine(files, "key.pem")}");
            string stored = Path.Combine(_config, "contexts", "tls", DockerContextStore.DirectoryNameFor(name), "docker", "ca.pem");
            string good = File.ReadAllText(stored);
            var selector = new EngineSelector(_environment);
            Assert.NotNull(await selector.FromContext(name).Client.Containers.ListAsync(new ContainerListParameters { All = true }));

            // The context's files are read for every command: another authority's ca.pem is refused at once.
            File.WriteAllText(stored, File.ReadAllText(Path.Combine(_tlsEngine.Certificates.WrongAuthority, "ca.pem")));
            EngineConnectionException refused = await Assert.ThrowsAsync<EngineConnectionException>(
                () => selector.FromContext(name).Client.Containers.ListAsync(new ContainerListParameters { All = true }));
            Assert.Contains("certificate signed by unknown authority", refused.Message, StringComparison.Ordinal);

            File.WriteAllText(stored, good);
            Assert.NotNull(await selector.FromContext(name).Client.Containers.ListAsync(new ContainerListParameters { All = true }));
        }

        [Fact]
        public async Task A_context_with_skip_tls_verify_and_only_a_client_certificate_reaches_the_engine_unverified()
        {
            string name = PrivateEngine.UniqueName("ctx-skip");
            string files = _tlsEngine.Certificates.EcSec1;
            Docker("context", "create", name, "--docker",
                $"host={_tlsEngine.Address},cert={Path.Combine(files, "cert.pem")},key={Path.Combine(files, "key.pem")},skip-tls-verify=true");

            ContainerEngine engine = new EngineSelector(_environment).FromContext(name);

            Assert.False(engine.Client.Tls!.VerifyServer);
            Assert.Empty(engine.Client.Tls.Authorities);
            Assert.Equal("1.41", (await engine.Client.System.VersionAsync()).ApiVersion);
        }

        /// <summary>Proves <paramref name="engine"/> is the private engine: a container made through it is seen by the private engine's own client.</summary>
        private static async Task AssertSameEngineAsync(ContainerEngine engine, PrivateEngine privateEngine)
        {
            await engine.Client.System.PingAsync();
            string containerName = PrivateEngine.UniqueName("ctx-proof");
            ContainerCreateResponse created = await engine.Client.Containers.CreateAsync(containerName, new ContainerCreateRequest
            {
                Image = privateEngine.Image,
                Cmd = new List<string> { "true" },
            });
            try
            {
                ContainerInspect inspected = await privateEngine.Client.Containers.InspectAsync(containerName);
                Assert.Equal(created.Id, inspected.Id);

                var parameters = new ContainerListParameters { All = true };
                parameters.Filters.Add("name", containerName);
                ContainerSummary listed = Assert.Single(await engine.Client.Containers.ListAsync(parameters));
                Assert.Equal(created.Id, listed.Id);
            }
            finally
            {
                await privateEngine.Client.Containers.RemoveAsync(created.Id, force: true);
            }
        }

        /// <summary>Runs the docker CLI against the temporary configuration folder and the fake environment only.</summary>
        private string Docker(params string[] arguments) => DockerCli.Run(_config, arguments, _environment.Variables);
    }
}
