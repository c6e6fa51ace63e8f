using System.Text;
using System.Text.Json;
using Containers.Engine.Configuration;
using Containers.Engine.Files;
using Containers.Engine.Tls;
using Containers.Errors;
using Containers.Output;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Store;
using Containers.Tests.Engine;
using Xunit;

namespace Containers.Tests.Provisioning.Store
{
    /// <summary>The host store on disk: portable, atomic, owner-only, strict about names, and mirrored as docker contexts.</summary>
    public sealed class HostStoreTests : IDisposable
    {
        private readonly string _temp = Path.Combine(Path.GetTempPath(), "containers-hosts-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly string _root;
        private readonly string _dockerConfig;
        private readonly HostStore _store;

        public HostStoreTests()
        {
            _root = Path.Combine(_temp, "store");
            _dockerConfig = Path.Combine(_temp, "docker-config");
            // EC keys: made in microseconds where RSA keys take long on a busy machine. RSA is proved by the certificate
            // tests and by the engine test.
            _store = new HostStore(_root, new DockerContextMirror(new DockerConfigDirectory(_dockerConfig))) { KeyAlgorithm = CertificateKeyAlgorithm.EcdsaP256 };
        }

        public void Dispose()
        {
            if (Directory.Exists(_temp))
            {
                Directory.Delete(_temp, recursive: true);
            }
        }

        private static NewHost Host(string name, string address = "10.231.0.7") => new NewHost
        {
            Name = name,
            Driver = "Ssh",
            Address = address,
            OtherNames = new[] { name + ".example.com" },
            SshPort = 22,
            DriverSettings = JsonDocument.Parse("{\"User\":\"root\",\"Nested\":{\"Size\":3}}").RootElement,
            SshHostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample",
        };

        [Fact]
        public void A_host_reads_back_as_it_was_added()
        {
            HostRecord added = _store.Add(Host("web1"));
            HostRecord read = _store.Get("web1");

            Assert.Equal(("web1", "Ssh", "10.231.0.7", 2376, (int?)22), (read.Name, read.Driver, read.Address, read.EnginePort, read.SshPort));
            Assert.Equal("tcp://10.231.0.7:2376", read.EngineAddress);
            Assert.Equal(HostRecord.CurrentFormatVersion, read.FormatVersion);
            Assert.Equal(3, read.DriverSettings.GetProperty("Nested").GetProperty("Size").GetInt32());
            Assert.Equal(added.ServerCertificateFingerprint, read.ServerCertificateFingerprint);
            Assert.Equal(new[] { "web1.example.com", "localhost", "10.231.0.7", "127.0.0.1" }, read.ServerNames);
            Assert.Equal("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample", read.SshHostKey);
            Assert.InRange(read.Created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(new[] { "web1" }, _store.ListNames());
            Assert.Single(_store.List());

            // The fingerprint is the server certificate's.
            string serverPem = File.ReadAllText(Path.Combine(_store.HostDirectory("web1"), HostFiles.ServerCertificate));
            byte[] der = PemBlock.ParseAll(serverPem).Single().Data;
            Assert.Equal(Containers.Provisioning.Certificates.IssuedCertificate.FingerprintOf(der), read.ServerCertificateFingerprint);
        }

        [Fact]
        public void Nothing_in_the_store_names_its_own_folder_and_no_temporary_file_is_left()
        {
            _store.Add(Host("web1"));
            _store.Add(Host("web2"));
            _store.Remove("web2");

            string[] files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
            Assert.Equal(
                new[] { "certs/ca-key.pem", "certs/ca.pem", "hosts/web1/ca.pem", "hosts/web1/cert.pem", "hosts/web1/host.json", "hosts/web1/key.pem", "hosts/web1/server-cert.pem", "hosts/web1/server-key.pem" },
                files.Select(file => Path.GetRelativePath(_root, file)).OrderBy(file => file, StringComparer.Ordinal));
            foreach (string file in files)
            {
                Assert.DoesNotContain(_root, File.ReadAllText(file), StringComparison.Ordinal);
                Assert.DoesNotContain(_temp, File.ReadAllText(file), StringComparison.Ordinal);
            }

            // No temporary folder (".new-...", ".removing-...") and no temporary file beside the context either.
            Assert.Empty(Directory.GetDirectories(_root, ".*", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(_dockerConfig, "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void Keys_and_every_other_file_are_readable_by_the_owner_only()
        {
            _store.Add(Host("web1"));
            foreach (string file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Concat(Directory.GetFiles(_dockerConfig, "*", SearchOption.AllDirectories)))
            {
                Assert.True(UnixFileModes.GetPermissions(file) == 0x180, $"{file} is {Convert.ToString(UnixFileModes.GetPermissions(file) ?? 0, 8)}"); // 0600
            }

            foreach (string folder in new[] { _root, Path.Combine(_root, "certs"), Path.Combine(_root, "hosts"), _store.HostDirectory("web1") })
            {
                Assert.True(UnixFileModes.GetPermissions(folder) == 0x1C0, $"{folder} is {Convert.ToString(UnixFileModes.GetPermissions(folder) ?? 0, 8)}"); // 0700
            }
        }

        [Fact]
        public void A_moved_store_still_works_and_keeps_its_authority()
        {
            _store.Add(Host("web1"));
            string caBefore = File.ReadAllText(Path.Combine(_root, "certs", "ca.pem"));
            string moved = Path.Combine(_temp, "elsewhere", "store");
            Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
            Directory.Move(_root, moved);

            var store = new HostStore(moved, new DockerContextMirror(new DockerConfigDirectory(Path.Combine(_temp, "other-config")))) { KeyAlgorithm = CertificateKeyAlgorithm.EcdsaP256 };
            Assert.Equal("10.231.0.7", store.Get("web1").Address);
            TlsSettings tls = store.LoadClientTls("web1");
            Assert.NotNull(tls.ClientCertificate);
            Assert.True(tls.ClientCertificate!.HasPrivateKey);

            store.Add(Host("web2"));
            Assert.Equal(caBefore, File.ReadAllText(Path.Combine(store.HostDirectory("web2"), "ca.pem")));
            Assert.Equal(new[] { "web1", "web2" }, store.ListNames());
        }

        [Theory]
        [InlineData("")]
        [InlineData("-web")]
        [InlineData(".web")]
        [InlineData("web_1")]
        [InlineData("web 1")]
        [InlineData("wéb")]
        [InlineData("../web")]
        [InlineData("web/1")]
        [InlineData("a123456789012345678901234567890123456789012345678901234567890123")]
        public void An_invalid_name_is_refused_before_anything_is_made(string name)
        {
            var error = Assert.Throws<HostStoreException>(() => _store.Add(Host(name)));
            Assert.Equal(HostStoreFailure.NameInvalid, error.Failure);
            Assert.False(Directory.Exists(_root));
            Assert.False(Directory.Exists(_dockerConfig));
            Assert.Equal("ContainerHostNameInvalid", ErrorClassifier.Classify(error, name).ErrorId);
        }

        [Theory]
        [InlineData("web1")]
        [InlineData("WEB1")]
        public void A_name_in_use_is_refused_in_any_letter_case(string second)
        {
            HostRecord first = _store.Add(Host("web1"));
            var error = Assert.Throws<HostStoreException>(() => _store.Add(Host(second, "10.231.0.8")));
            Assert.Equal(HostStoreFailure.NameInUse, error.Failure);
            Assert.Contains("already has a host named 'web1'", error.Message);
            Assert.Equal(first.ServerCertificateFingerprint, _store.Get("web1").ServerCertificateFingerprint);
            Assert.Equal(new[] { "web1" }, _store.ListNames());

            CommandError record = ErrorClassifier.Classify(error, second);
            Assert.Equal(("ContainerHostNameInUse", ErrorKind.ResourceExists), (record.ErrorId, record.Kind));
        }

        [Fact]
        public void A_name_an_existing_docker_context_has_is_refused()
        {
            new DockerContextMirror(new DockerConfigDirectory(_dockerConfig)).Write("mine", "tcp://192.0.2.1:2376", "ca", "cert", "key");
            var error = Assert.Throws<HostStoreException>(() => _store.Add(Host("mine")));
            Assert.Equal(HostStoreFailure.NameInUse, error.Failure);
            Assert.Contains("docker context rm mine", error.Message);
            Assert.Empty(_store.ListNames());
        }

        [Fact]
        public void Remove_removes_the_host_and_its_context()
        {
            _store.Add(Host("web1"));
            var contexts = new DockerContextStore(new DockerConfigDirectory(_dockerConfig));
            Assert.True(contexts.Exists("web1"));

            _store.Remove("web1");

            Assert.False(contexts.Exists("web1"));
            Assert.Empty(Directory.GetDirectories(Path.Combine(_dockerConfig, "contexts", "meta")));
            Assert.Empty(Directory.GetDirectories(Path.Combine(_dockerConfig, "contexts", "tls")));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_root, "hosts")));
            var error = Assert.Throws<HostStoreException>(() => _store.Get("web1"));
            Assert.Equal(HostStoreFailure.NotFound, error.Failure);
            Assert.Equal(("ContainerHostNotFound", ErrorKind.ObjectNotFound), (ErrorClassifier.Classify(error, "web1").ErrorId, ErrorClassifier.Classify(error, "web1").Kind));
            Assert.Equal(HostStoreFailure.NotFound, Assert.Throws<HostStoreException>(() => _store.Remove("web1")).Failure);
        }

        [Fact]
        public void A_context_that_cannot_be_written_leaves_no_host_behind()
        {
            // A file where the context's TLS folder should go: writing the context fails part-way.
            string tls = Path.Combine(_dockerConfig, "contexts", "tls", DockerContextStore.DirectoryNameFor("web1"));
            Directory.CreateDirectory(Path.GetDirectoryName(tls)!);
            File.WriteAllText(tls, "in the way");

            var error = Assert.Throws<HostStoreException>(() => _store.Add(Host("web1")));
            Assert.Equal(HostStoreFailure.StoreUnusable, error.Failure);
            Assert.Contains("docker context 'web1'", error.Message);
            Assert.Empty(_store.ListNames());
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_root, "hosts")));
            Assert.False(File.Exists(Path.Combine(_dockerConfig, "contexts", "meta", DockerContextStore.DirectoryNameFor("web1"), "meta.json")));
        }

        [Fact]
        public void The_context_is_what_the_docker_cli_writes_and_the_resolver_reads_it_with_tls()
        {
            HostRecord host = _store.Add(Host("web1"));
            var contexts = new DockerContextStore(new DockerConfigDirectory(_dockerConfig));
            using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(contexts.MetaFilePathFor("web1")));
            Assert.Equal("web1", meta.RootElement.GetProperty("Name").GetString());
            Assert.Equal("tcp://10.231.0.7:2376", meta.RootElement.GetProperty("Endpoints").GetProperty("docker").GetProperty("Host").GetString());
            Assert.False(meta.RootElement.GetProperty("Endpoints").GetProperty("docker").GetProperty("SkipTLSVerify").GetBoolean());

            foreach (string file in new[] { "ca.pem", "cert.pem", "key.pem" })
            {
                Assert.Equal(File.ReadAllText(Path.Combine(_store.HostDirectory("web1"), file)), File.ReadAllText(Path.Combine(contexts.TlsDirectoryFor("web1"), file)));
            }

            var environment = new FakeEngineEnvironment(_temp);
            environment["DOCKER_CONFIG"] = _dockerConfig;
            ResolvedEngine resolved = new EndpointResolver(environment).Resolve(null, "web1");
            Assert.Equal(host.EngineAddress, resolved.Endpoint.ToString());
            Assert.NotNull(resolved.Tls);
            Assert.True(resolved.Tls!.VerifyServer);
            Assert.True(resolved.Tls.ClientCertificate!.HasPrivateKey);
        }

        [Fact]
        public void An_ipv6_address_is_bracketed_in_the_engine_address()
        {
            Assert.Equal("tcp://[fd00::7]:2376", _store.Add(Host("v6", "fd00::7")).EngineAddress);
        }

        [Fact]
        public void A_record_from_a_newer_module_or_a_damaged_one_is_refused_with_its_file_named()
        {
            _store.Add(Host("web1"));
            string file = Path.Combine(_store.HostDirectory("web1"), HostFiles.Record);
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"FormatVersion\": 1", "\"FormatVersion\": 9", StringComparison.Ordinal));
            var newer = Assert.Throws<HostStoreException>(() => _store.Get("web1"));
            Assert.Contains("newer version of the module", newer.Message);
            Assert.Contains(file, newer.Message);

            File.WriteAllText(file, "{\"FormatVersion\": 1}");
            var damaged = Assert.Throws<HostStoreException>(() => _store.Get("web1"));
            Assert.Equal(HostStoreFailure.StoreUnusable, damaged.Failure);
            Assert.Equal("ContainerHostStoreUnusable", ErrorClassifier.Classify(damaged, "web1").ErrorId);
        }

        [Fact]
        public void The_default_location_follows_the_variable_then_xdg_then_the_home_folder()
        {
            var environment = new FakeEngineEnvironment("/home/someone");
            Assert.Equal("/home/someone/.local/share/containers-hosts", HostStoreLocation.Default(environment));
            environment["XDG_DATA_HOME"] = "relative/is/ignored";
            Assert.Equal("/home/someone/.local/share/containers-hosts", HostStoreLocation.Default(environment));
            environment["XDG_DATA_HOME"] = "/data";
            Assert.Equal("/data/containers-hosts", HostStoreLocation.Default(environment));
            environment[HostStoreLocation.Variable] = "/srv/hosts";
            Assert.Equal("/srv/hosts", HostStoreLocation.Default(environment));
            Assert.Equal("/srv/hosts", new HostStore(null, null, environment).Root);
        }

        [Fact]
        public void Saving_a_record_rewrites_it_in_place()
        {
            HostRecord host = _store.Add(Host("web1"));
            _store.Save(new HostRecord
            {
                Name = host.Name, Driver = host.Driver, Address = "10.231.0.9", EnginePort = host.EnginePort, SshPort = host.SshPort,
                DriverSettings = host.DriverSettings, Created = host.Created, ServerNames = host.ServerNames,
                ServerCertificateFingerprint = host.ServerCertificateFingerprint, SshHostKey = null,
            });
            HostRecord read = _store.Get("web1");
            Assert.Equal(("10.231.0.9", (string?)null), (read.Address, read.SshHostKey));
            Assert.Empty(Directory.GetFiles(_store.HostDirectory("web1"), "*.tmp"));
            Assert.Equal(Encoding.UTF8.GetByteCount(File.ReadAllText(Path.Combine(_store.HostDirectory("web1"), HostFiles.Record))), new FileInfo(Path.Combine(_store.HostDirectory("web1"), HostFiles.Record)).Length);
        }
    }
}
