using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Configuration;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine.Tls;
using Xunit;

namespace Containers.Tests.Engine.Configuration
{
    /// <summary>
    /// Which engine the settings choose, in the docker CLI's order, with a made-up environment and context stores
    /// written into temp folders in the docker CLI's layout (<see cref="DockerContextTests"/> checks that layout against
    /// the real CLI).
    /// </summary>
    public sealed class EndpointResolutionTests : IClassFixture<TlsTestCertificates>, IDisposable
    {
        private readonly TlsTestCertificates _certificates;
        private readonly string _root;
        private readonly FakeEngineEnvironment _environment;

        public EndpointResolutionTests(TlsTestCertificates certificates)
        {
            _certificates = certificates;
            _root = Path.Combine(Path.GetTempPath(), "containers-cfg-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path.Combine(_root, "home"));
            _environment = new FakeEngineEnvironment(Path.Combine(_root, "home"));
        }

        /// <summary>~/.docker of the fake home: the configuration folder when DOCKER_CONFIG is not set.</summary>
        private string HomeConfig => Path.Combine(_root, "home", ".docker");

        private EndpointResolver Resolver => new EndpointResolver(_environment);

        public void Dispose() => Directory.Delete(_root, recursive: true);

        // ---- the order ----

        [Fact]
        public void With_nothing_configured_the_platform_default_is_used()
        {
            ResolvedEngine resolved = Resolver.Resolve(null, null);

            Assert.Equal(EngineEndpoint.PlatformDefault, resolved.Endpoint);
            Assert.Equal("default", resolved.Source);
            Assert.Null(resolved.ContextName);
            Assert.Null(resolved.Tls);
            Assert.Null(resolved.PinnedApiVersion);
        }

        [Fact]
        public void An_explicit_address_wins_over_everything_else()
        {
            SetEverything();

            ResolvedEngine resolved = Resolver.Resolve("tcp://127.0.0.1:1001", "explicit-ctx");

            Assert.Equal("tcp://127.0.0.1:1001", resolved.Endpoint.ToString());
            Assert.Equal("parameter", resolved.Source);
            Assert.Null(resolved.ContextName);
        }

        [Fact]
        public void An_explicit_context_wins_over_DOCKER_HOST_DOCKER_CONTEXT_and_the_current_context()
        {
            SetEverything();

            ResolvedEngine resolved = Resolver.Resolve(null, "explicit-ctx");

            Assert.Equal("unix:///run/explicit.sock", resolved.Endpoint.ToString());
            Assert.Equal("context", resolved.Source);
            Assert.Equal("explicit-ctx", resolved.ContextName);
        }

        [Fact]
        public void DOCKER_HOST_wins_over_DOCKER_CONTEXT_and_the_current_context()
        {
            SetEverything();

            ResolvedEngine resolved = Resolver.Resolve(null, null);

            Assert.Equal("tcp://127.0.0.1:1002", resolved.Endpoint.ToString());
            Assert.Equal("DOCKER_HOST", resolved.Source);
            Assert.Null(resolved.ContextName);
        }

        [Fact]
        public void DOCKER_CONTEXT_wins_over_the_current_context()
        {
            SetEverything();
            _environment["DOCKER_HOST"] = null;

            ResolvedEngine resolved = Resolver.Resolve(null, null);

            Assert.Equal("unix:///run/env.sock", resolved.Endpoint.ToString());
            Assert.Equal("DOCKER_CONTEXT", resolved.Source);
            Assert.Equal("env-ctx", resolved.ContextName);
        }

        [Fact]
        public void The_current_context_of_config_json_is_used_when_nothing_else_is_set()
        {
            SetEverything();
            _environment["DOCKER_HOST"] = null;
            _environment["DOCKER_CONTEXT"] = null;

            ResolvedEngine resolved = Resolver.Resolve(null, null);

            Assert.Equal("unix:///run/current.sock", resolved.Endpoint.ToString());
            Assert.Equal("currentContext", resolved.Source);
            Assert.Equal("current-ctx", resolved.ContextName);
        }

        [Fact]
        public void Empty_DOCKER_HOST_and_DOCKER_CONTEXT_count_as_unset()
        {
            SetEverything();
            _environment["DOCKER_HOST"] = "";
            _environment["DOCKER_CONTEXT"] = "";

            Assert.Equal("currentContext", Resolver.Resolve(null, null).Source);
            Assert.Equal("DOCKER_HOST", WithHost("unix:///run/x.sock").Resolve(null, null).Source);

            EndpointResolver WithHost(string host)
            {
                _environment["DOCKER_HOST"] = host;
                return Resolver;
            }
        }

        [Fact]
        public void DOCKER_CONFIG_replaces_the_home_configuration_folder()
        {
            WriteContext(HomeConfig, "home-ctx", "unix:///run/home.sock");
            WriteConfig(HomeConfig, "{\"currentContext\": \"home-ctx\"}");
            string other = Path.Combine(_root, "other-config");
            WriteContext(other, "other-ctx", "unix:///run/other.sock");
            WriteConfig(other, "{\"currentContext\": \"other-ctx\"}");

            Assert.Equal("home-ctx", Resolver.Resolve(null, null).ContextName);

            _environment["DOCKER_CONFIG"] = other;
            ResolvedEngine resolved = Resolver.Resolve(null, null);
            Assert.Equal("other-ctx", resolved.ContextName);
            Assert.Equal("unix:///run/other.sock", resolved.Endpoint.ToString());
            Assert.Equal(Path.GetFullPath(other), Resolver.ConfigDirectory.Path);
        }

        // ---- config.json ----

        [Theory]
        [InlineData("")]
        [InlineData("  \n ")]
        [InlineData("{}")]
        [InlineData("{\"auths\": {}}")]
        [InlineData("{\"currentContext\": \"\"}")]
        [InlineData("{\"currentContext\": null}")]
        public void A_config_json_that_names_no_context_leads_to_the_default(string content)
        {
            WriteConfig(HomeConfig, content);

            ResolvedEngine resolved = Resolver.Resolve(null, null);

            Assert.Equal("default", resolved.Source);
            Assert.Equal(EngineEndpoint.PlatformDefault, resolved.Endpoint);
        }

        [Fact]
        public void The_current_context_is_matched_case_insensitively_as_go_does()
        {
            WriteContext(HomeConfig, "lower", "unix:///run/lower.sock");
            WriteConfig(HomeConfig, "{\"currentcontext\": \"lower\"}");

            Assert.Equal("lower", Resolver.Resolve(null, null).ContextName);
        }

        [Theory]
        [InlineData("{\"currentContext\": \"x\"")]
        [InlineData("{currentContext: x}")]
        [InlineData("not json")]
        public void A_malformed_config_json_is_an_error_that_names_the_file(string content)
        {
            WriteConfig(HomeConfig, content);

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, null));

            Assert.Contains(Path.Combine(HomeConfig, "config.json"), error.Message);
            Assert.Contains("not valid JSON", error.Message);
            Assert.Equal("currentContext", error.Origin);
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("{\"currentContext\": 5}")]
        public void A_config_json_of_the_wrong_shape_is_an_error_that_names_the_file(string content)
        {
            WriteConfig(HomeConfig, content);

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, null));

            Assert.Contains(Path.Combine(HomeConfig, "config.json"), error.Message);
        }

        [Fact]
        public void A_malformed_config_json_does_not_matter_when_an_earlier_step_decides()
        {
            WriteConfig(HomeConfig, "{oops");
            _environment["DOCKER_HOST"] = "unix:///run/x.sock";

            Assert.Equal("DOCKER_HOST", Resolver.Resolve(null, null).Source);
        }

        // ---- unknown, broken and "default" contexts ----

        [Fact]
        public void An_unknown_explicit_context_names_the_context_the_folder_and_how_to_list_contexts()
        {
            WriteContext(HomeConfig, "known", "unix:///run/known.sock");

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "no-such-ctx"));

            Assert.Equal("context", error.Origin);
            Assert.Contains("'no-such-ctx'", error.Message);
            Assert.Contains(Path.Combine(HomeConfig, "contexts", "meta"), error.Message);
            Assert.Contains("docker context ls", error.Message);
        }

        [Fact]
        public void An_unknown_DOCKER_CONTEXT_says_that_DOCKER_CONTEXT_named_it()
        {
            _environment["DOCKER_CONTEXT"] = "ghost";

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, null));

            Assert.Equal("DOCKER_CONTEXT", error.Origin);
            Assert.Contains("DOCKER_CONTEXT names the docker context 'ghost'", error.Message);
            Assert.Contains("docker context ls", error.Message);
        }

        [Fact]
        public void An_unknown_current_context_names_config_json()
        {
            WriteConfig(HomeConfig, "{\"currentContext\": \"gone\"}");

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, null));

            Assert.Equal("currentContext", error.Origin);
            Assert.Contains("'gone'", error.Message);
            Assert.Contains(Path.Combine(HomeConfig, "config.json"), error.Message);
        }

        [Fact]
        public void Context_names_are_case_sensitive_like_the_docker_cli()
        {
            WriteContext(HomeConfig, "Mixed", "unix:///run/mixed.sock");

            Assert.Equal("Mixed", Resolver.Resolve(null, "Mixed").ContextName);
            Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "mixed"));
        }

        [Fact]
        public void A_malformed_meta_json_is_an_error_that_names_the_file()
        {
            string meta = WriteContext(HomeConfig, "broken", "unix:///run/x.sock");
            File.WriteAllText(meta, "{\"Name\": \"broken\", \"Endpoints\": ");

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "broken"));

            Assert.Contains(meta, error.Message);
            Assert.Contains("not valid JSON", error.Message);
        }

        [Fact]
        public void A_context_whose_host_is_unsupported_names_the_context_and_the_problem()
        {
            WriteContext(HomeConfig, "over-fd", "fd://3");

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "over-fd"));

            Assert.Contains("'over-fd'", error.Message);
            Assert.Contains("fd://", error.Message);
        }

        [Fact]
        public void A_context_without_a_docker_endpoint_is_an_error()
        {
            string meta = WriteContext(HomeConfig, "no-docker", "unused");
            File.WriteAllText(meta, "{\"Name\":\"no-docker\",\"Metadata\":{},\"Endpoints\":{}}");

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "no-docker"));

            Assert.Contains("no docker endpoint", error.Message);
        }

        [Fact]
        public void A_context_endpoint_without_a_host_is_the_platform_default_as_for_the_docker_client()
        {
            string meta = WriteContext(HomeConfig, "hostless", "unused");
            File.WriteAllText(meta, "{\"Name\":\"hostless\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"SkipTLSVerify\":false}}}");

            Assert.Equal(EngineEndpoint.PlatformDefault, Resolver.Resolve(null, "hostless").Endpoint);
        }

        [Fact]
        public void The_default_context_is_the_platform_default_without_DOCKER_HOST_or_a_meta_folder()
        {
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1003";
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            ResolvedEngine resolved = Resolver.Resolve(null, "default");

            Assert.Equal(EngineEndpoint.PlatformDefault, resolved.Endpoint);
            Assert.Equal("default", resolved.ContextName);
            Assert.Equal("context", resolved.Source);
            Assert.Null(resolved.Tls);
            Assert.False(Directory.Exists(Path.Combine(HomeConfig, "contexts")));
        }

        [Fact]
        public void DOCKER_CONTEXT_and_currentContext_may_name_default()
        {
            _environment["DOCKER_CONTEXT"] = "default";
            ResolvedEngine fromVariable = Resolver.Resolve(null, null);
            Assert.Equal(("default", "DOCKER_CONTEXT"), (fromVariable.ContextName, fromVariable.Source));
            Assert.Equal(EngineEndpoint.PlatformDefault, fromVariable.Endpoint);

            _environment["DOCKER_CONTEXT"] = null;
            WriteConfig(HomeConfig, "{\"currentContext\":\"default\"}");
            ResolvedEngine fromConfig = Resolver.Resolve(null, null);
            Assert.Equal(("default", "currentContext"), (fromConfig.ContextName, fromConfig.Source));
        }

        [Fact]
        public void A_bad_DOCKER_HOST_says_DOCKER_HOST_is_at_fault()
        {
            _environment["DOCKER_HOST"] = "ssh://me:secret@example";

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, null));

            Assert.Equal("DOCKER_HOST", error.Origin);
            Assert.Contains("DOCKER_HOST", error.Message);
            Assert.Contains("password", error.Message);
        }

        // ---- TLS from the environment ----

        [Fact]
        public void DOCKER_TLS_VERIFY_turns_on_verified_tls_with_the_files_of_DOCKER_CERT_PATH()
        {
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1004";
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            TlsSettings tls = Assert.IsType<TlsSettings>(Resolver.Resolve(null, null).Tls);

            Assert.True(tls.VerifyServer);
            Assert.Equal(Thumbprint(Path.Combine(_certificates.RsaPkcs8, "ca.pem")), Assert.Single(tls.Authorities.Cast<X509Certificate2>()).Thumbprint);
            Assert.Equal(Thumbprint(Path.Combine(_certificates.RsaPkcs8, "cert.pem")), tls.ClientCertificate!.Thumbprint);
            Assert.True(tls.ClientCertificate.HasPrivateKey);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("false")]
        public void Any_non_empty_DOCKER_TLS_VERIFY_turns_verification_on_as_in_the_docker_cli(string value)
        {
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1005";
            _environment["DOCKER_TLS_VERIFY"] = value;
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            Assert.True(Resolver.Resolve(null, null).Tls!.VerifyServer);
        }

        [Fact]
        public void DOCKER_TLS_alone_turns_on_tls_without_verification()
        {
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1006";
            _environment["DOCKER_TLS"] = "1";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            TlsSettings tls = Resolver.Resolve(null, null).Tls!;

            Assert.False(tls.VerifyServer);
            Assert.NotNull(tls.ClientCertificate);
        }

        [Fact]
        public void Empty_tls_variables_leave_tls_off()
        {
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1007";
            _environment["DOCKER_TLS_VERIFY"] = "";
            _environment["DOCKER_TLS"] = "";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            Assert.Null(Resolver.Resolve(null, null).Tls);
        }

        [Fact]
        public void Without_DOCKER_CERT_PATH_the_files_come_from_the_docker_configuration_folder()
        {
            string config = Path.Combine(_root, "config-with-certs");
            CopyTlsFiles(_certificates.EcSec1, config);
            _environment["DOCKER_CONFIG"] = config;
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1008";
            _environment["DOCKER_TLS_VERIFY"] = "1";

            TlsSettings tls = Resolver.Resolve(null, null).Tls!;

            Assert.Equal(Thumbprint(Path.Combine(_certificates.EcSec1, "cert.pem")), tls.ClientCertificate!.Thumbprint);
        }

        [Fact]
        public void DOCKER_TLS_VERIFY_with_a_unix_socket_does_not_turn_tls_on()
        {
            _environment["DOCKER_HOST"] = "unix:///run/plain.sock";
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = Path.Combine(_root, "does-not-exist");

            ResolvedEngine resolved = Resolver.Resolve(null, null);

            Assert.Null(resolved.Tls);
            Assert.Equal(EngineEndpointKind.UnixSocket, resolved.Endpoint.Kind);
        }

        [Fact]
        public void An_explicit_address_takes_its_tls_from_the_environment()
        {
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            ResolvedEngine resolved = Resolver.Resolve("tcp://127.0.0.1:1009", null);

            Assert.True(resolved.Tls!.VerifyServer);
            Assert.NotNull(resolved.Tls.ClientCertificate);
        }

        [Fact]
        public void Explicit_tls_wins_and_the_tls_variables_are_not_even_read()
        {
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = Path.Combine(_root, "does-not-exist");
            TlsSettings explicitTls = TlsSettings.LoadFromDirectory(_certificates.NoClientCertificate, verifyServer: false);

            ResolvedEngine resolved = Resolver.Resolve("tcp://127.0.0.1:1010", null, explicitTls);

            Assert.Same(explicitTls, resolved.Tls);
        }

        [Fact]
        public void Unusable_tls_files_are_an_error_naming_DOCKER_CERT_PATH_and_the_folder()
        {
            string missing = Path.Combine(_root, "does-not-exist");
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1011";
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = missing;

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, null));

            Assert.Equal("DOCKER_CERT_PATH", error.Origin);
            Assert.Contains("DOCKER_CERT_PATH", error.Message);
            Assert.Contains(missing, error.Message);
        }

        [Fact]
        public void A_context_ignores_the_tls_variables()
        {
            WriteContext(HomeConfig, "plain-tcp", "tcp://127.0.0.1:1012");
            _environment["DOCKER_CONTEXT"] = "plain-tcp";
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;

            Assert.Null(Resolver.Resolve(null, null).Tls);
        }

        // ---- TLS of a context ----

        [Fact]
        public void A_context_with_all_three_files_verifies_the_engine_and_presents_its_client_certificate()
        {
            WriteContext(HomeConfig, "secure", "tcp://127.0.0.1:1013", tlsFrom: _certificates.RsaPkcs1);

            TlsSettings tls = Resolver.Resolve(null, "secure").Tls!;

            Assert.True(tls.VerifyServer);
            Assert.Single(tls.Authorities);
            Assert.Equal(Thumbprint(Path.Combine(_certificates.RsaPkcs1, "cert.pem")), tls.ClientCertificate!.Thumbprint);
        }

        [Fact]
        public void A_context_with_skip_tls_verify_and_no_files_uses_unverified_tls()
        {
            WriteContext(HomeConfig, "insecure", "tcp://127.0.0.1:1014", skipTlsVerify: true);

            TlsSettings tls = Resolver.Resolve(null, "insecure").Tls!;

            Assert.False(tls.VerifyServer);
            Assert.Null(tls.ClientCertificate);
        }

        [Fact]
        public void A_context_with_a_certificate_but_no_key_uses_no_client_certificate_as_docker_does()
        {
            WriteContext(HomeConfig, "half", "tcp://127.0.0.1:1015", tlsFrom: _certificates.RsaPkcs8, tlsFiles: new[] { "ca.pem", "cert.pem" });

            TlsSettings tls = Resolver.Resolve(null, "half").Tls!;

            Assert.True(tls.VerifyServer);
            Assert.Single(tls.Authorities);
            Assert.Null(tls.ClientCertificate);
        }

        [Fact]
        public void A_verifying_context_without_ca_pem_is_an_error_that_says_why()
        {
            WriteContext(HomeConfig, "no-ca", "tcp://127.0.0.1:1016", tlsFrom: _certificates.RsaPkcs8, tlsFiles: new[] { "cert.pem", "key.pem" });

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "no-ca"));

            Assert.Contains("'no-ca'", error.Message);
            Assert.Contains("ca.pem", error.Message);
            Assert.Contains("skip-tls-verify", error.Message);
        }

        [Fact]
        public void A_context_with_broken_tls_files_is_an_error_naming_the_context()
        {
            WriteContext(HomeConfig, "bad-key", "tcp://127.0.0.1:1017", tlsFrom: _certificates.MismatchedKey);

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve(null, "bad-key"));

            Assert.Contains("'bad-key'", error.Message);
            Assert.Contains("key.pem", error.Message);
        }

        [Fact]
        public void A_unix_socket_context_never_uses_tls()
        {
            WriteContext(HomeConfig, "local-tls", "unix:///run/local.sock", tlsFrom: _certificates.RsaPkcs8);

            Assert.Null(Resolver.Resolve(null, "local-tls").Tls);
        }

        // ---- DOCKER_API_VERSION ----

        [Theory]
        [InlineData("1.41", 1, 41)]
        [InlineData(" 1.40 ", 1, 40)]
        [InlineData("v1.39", 1, 39)]
        public void DOCKER_API_VERSION_pins_the_version(string value, int major, int minor)
        {
            _environment["DOCKER_API_VERSION"] = value;

            Assert.Equal(new Version(major, minor), Resolver.Resolve(null, null).PinnedApiVersion);
        }

        [Fact]
        public void DOCKER_API_VERSION_applies_to_contexts_too()
        {
            WriteContext(HomeConfig, "pinned", "unix:///run/pinned.sock");
            _environment["DOCKER_API_VERSION"] = "1.41";

            Assert.Equal(new Version(1, 41), Resolver.Resolve(null, "pinned").PinnedApiVersion);
        }

        [Theory]
        [InlineData("1.4x")]
        [InlineData("1")]
        [InlineData("1.41.0")]
        [InlineData("latest")]
        [InlineData("-1.41")]
        public void A_malformed_DOCKER_API_VERSION_is_an_error_naming_the_value(string value)
        {
            _environment["DOCKER_API_VERSION"] = value;

            var error = Assert.Throws<EngineConfigurationException>(() => Resolver.Resolve("unix:///run/x.sock", null));

            Assert.Equal("DOCKER_API_VERSION", error.Origin);
            Assert.Contains($"'{value}'", error.Message);
            Assert.Contains("DOCKER_API_VERSION", error.Message);
        }

        // ---- the store ----

        [Fact]
        public void Context_folders_are_named_by_the_sha256_of_the_name()
        {
            // echo -n ctx-a | sha256sum
            Assert.Equal("944228b255e444a29b1757fa422bc9bfecbdbef5d0b4f8d12cdcaeedef52ca58", DockerContextStore.DirectoryNameFor("ctx-a"));
        }

        [Fact]
        public void Listing_gives_every_context_and_default_sorted_with_the_current_one_marked()
        {
            WriteContext(HomeConfig, "zeta", "tcp://127.0.0.1:1018", description: "last one");
            WriteContext(HomeConfig, "alpha", "ssh://user@remote");
            WriteConfig(HomeConfig, "{\"currentContext\":\"zeta\"}");

            IReadOnlyList<DockerContext> contexts = Resolver.ListContexts();

            Assert.Equal(new[] { "alpha", "default", "zeta" }, contexts.Select(c => c.Name));
            Assert.Equal(new[] { false, false, true }, contexts.Select(c => c.IsCurrent));
            Assert.Equal("ssh://user@remote", contexts[0].Host);
            Assert.True(contexts[1].IsDefault);
            Assert.Equal(EngineEndpoint.PlatformDefault.ToString(), contexts[1].Host);
            Assert.Equal("last one", contexts[2].Description);
        }

        [Fact]
        public void Listing_marks_default_current_when_DOCKER_HOST_is_set_and_DOCKER_CONTEXT_over_config_json()
        {
            WriteContext(HomeConfig, "one", "unix:///run/one.sock");
            WriteContext(HomeConfig, "two", "unix:///run/two.sock");
            WriteConfig(HomeConfig, "{\"currentContext\":\"one\"}");
            _environment["DOCKER_CONTEXT"] = "two";
            Assert.Equal("two", Assert.Single(Resolver.ListContexts(), c => c.IsCurrent).Name);

            _environment["DOCKER_HOST"] = "unix:///run/x.sock";
            Assert.Equal("default", Assert.Single(Resolver.ListContexts(), c => c.IsCurrent).Name);
        }

        [Fact]
        public void Listing_without_a_store_gives_only_default()
        {
            Assert.Equal("default", Assert.Single(Resolver.ListContexts()).Name);
        }

        // ---- the selector on top ----

        [Fact]
        public async System.Threading.Tasks.Task The_selector_names_a_context_engine_after_its_context_and_passes_the_pinned_version()
        {
            WriteContext(HomeConfig, "named", "unix:///run/named-" + Guid.NewGuid().ToString("N") + ".sock");
            _environment["DOCKER_CONTEXT"] = "named";
            _environment["DOCKER_API_VERSION"] = "1.40";

            ContainerEngine engine = new EngineSelector(_environment).FromEnvironment();

            Assert.Equal("named", engine.Name);
            Assert.Equal("DOCKER_CONTEXT", engine.Source);
            // A pinned version is answered without asking the engine (whose socket does not exist here).
            Assert.Equal(new Version(1, 40), await engine.Client.GetApiVersionAsync());
        }

        [Fact]
        public void The_selector_names_an_address_engine_after_its_address()
        {
            string address = "unix:///run/addr-" + Guid.NewGuid().ToString("N") + ".sock";
            _environment["DOCKER_HOST"] = address;

            ContainerEngine engine = new EngineSelector(_environment).FromEnvironment();

            Assert.Equal(address, engine.Name);
            Assert.Equal(address, engine.Uri);
            Assert.Equal("DOCKER_HOST", engine.Source);
        }

        [Fact]
        public void The_selector_blames_the_Context_parameter_for_an_unknown_context()
        {
            var error = Assert.Throws<InvalidParameterException>(() => new EngineSelector(_environment).FromContext("nowhere"));

            Assert.Equal("Context", error.ParamName);
            Assert.Contains("'nowhere'", error.Reason);
            Assert.Contains("docker context ls", error.Reason);
            Assert.Equal("InvalidContext", ErrorClassifier.Classify(error, null).ErrorId);
        }

        [Fact]
        public void The_selector_blames_the_Engine_parameter_for_an_unknown_context_or_bad_address_given_to_Engine()
        {
            var selector = new EngineSelector(_environment);

            // A name no engine of this process has (other tests make engines named "nowhere"), so it is read as a context.
            var context = Assert.Throws<InvalidParameterException>(() => selector.FromArgument("nowhere-" + Guid.NewGuid().ToString("N")));
            var address = Assert.Throws<InvalidParameterException>(() => selector.FromArgument("ssh://me@host/path"));

            Assert.Equal("Engine", context.ParamName);
            Assert.Equal("Engine", address.ParamName);
            Assert.Contains("ssh://me@host/path", address.Reason);
        }

        [Fact]
        public void The_selector_keeps_an_environment_error_as_a_configuration_error_that_stops_the_command()
        {
            _environment["DOCKER_CONTEXT"] = "ghost";

            var error = Assert.Throws<EngineConfigurationException>(() => new EngineSelector(_environment).FromEnvironment());
            CommandError classified = ErrorClassifier.Classify(error, null);

            Assert.Equal("EngineConfigurationInvalid", classified.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, classified.Kind);
            Assert.Contains("DOCKER_CONTEXT", classified.Message);
            Assert.False(ErrorClassifier.IsPerTarget(error));
        }

        [Fact]
        public void The_selector_applies_explicit_tls_over_the_environment()
        {
            _environment["DOCKER_TLS_VERIFY"] = "1";
            _environment["DOCKER_CERT_PATH"] = _certificates.RsaPkcs8;
            TlsSettings explicitTls = TlsSettings.LoadFromDirectory(_certificates.EcPkcs8, verifyServer: false);

            ContainerEngine engine = new EngineSelector(_environment).FromAddress("tcp://127.0.0.1:1019", explicitTls);

            Assert.Same(explicitTls, engine.Client.Tls);
            Assert.Equal("parameter", engine.Source);
        }

        // ---- helpers ----

        /// <summary>Sets every source at once, each pointing at a different engine, so a test can see which one wins.</summary>
        private void SetEverything()
        {
            WriteContext(HomeConfig, "explicit-ctx", "unix:///run/explicit.sock");
            WriteContext(HomeConfig, "env-ctx", "unix:///run/env.sock");
            WriteContext(HomeConfig, "current-ctx", "unix:///run/current.sock");
            WriteConfig(HomeConfig, "{\"auths\":{},\"currentContext\":\"current-ctx\"}");
            _environment["DOCKER_HOST"] = "tcp://127.0.0.1:1002";
            _environment["DOCKER_CONTEXT"] = "env-ctx";
        }

        private static void WriteConfig(string configDirectory, string content)
        {
            Directory.CreateDirectory(configDirectory);
            File.WriteAllText(Path.Combine(configDirectory, "config.json"), content);
        }

        /// <summary>Writes a context as the docker CLI lays it out; returns the meta.json path.</summary>
        private static string WriteContext(string configDirectory, string name, string host, bool skipTlsVerify = false, string? description = null,
            string? tlsFrom = null, string[]? tlsFiles = null)
        {
            string hash = DockerContextStore.DirectoryNameFor(name);
            string metaFolder = Directory.CreateDirectory(Path.Combine(configDirectory, "contexts", "meta", hash)).FullName;
            string metadata = description == null ? "{}" : "{\"Description\":\"" + description + "\"}";
            string meta = Path.Combine(metaFolder, "meta.json");
            File.WriteAllText(meta,
                "{\"Name\":\"" + name + "\",\"Metadata\":" + metadata + ",\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":"
                + (skipTlsVerify ? "true" : "false") + "}}}");
            if (tlsFrom != null)
            {
                CopyTlsFiles(tlsFrom, Path.Combine(configDirectory, "contexts", "tls", hash, "docker"), tlsFiles);
            }

            return meta;
        }

        private static string Thumbprint(string pemFile) => X509Certificate2.CreateFromPem(File.ReadAllText(pemFile)).Thumbprint;

        private static void CopyTlsFiles(string from, string to, string[]? files = null)
        {
            Directory.CreateDirectory(to);
            foreach (string file in files ?? new[] { "ca.pem", "cert.pem", "key.pem" })
            {
                File.Copy(Path.Combine(from, file), Path.Combine(to, file));
            }
        }
    }
}
