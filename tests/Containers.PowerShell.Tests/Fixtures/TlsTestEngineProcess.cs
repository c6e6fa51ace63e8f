using System.Diagnostics;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A dockerd with --tlsverify and its certificate folders (tests/Containers.TestEngine --tls: the xunit suite's
    /// TlsEngineFixture, TlsTestCertificates and TlsPasswordFiles), started once per test run for the tests that give the
    /// module certificates; it goes when this process ends and the tool's input closes. Tests reach it with -Engine or
    /// Connect-ContainerEngine, never through the environment.
    /// </summary>
    public sealed class TlsTestEngineProcess
    {
        private static readonly Lazy<Task<TlsTestEngineProcess>> Instance = new Lazy<Task<TlsTestEngineProcess>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Process _process;

        private TlsTestEngineProcess(Process process, IReadOnlyDictionary<string, string> settings)
        {
            _process = process;
            Address = settings["CONTAINERS_TEST_TLS_ADDRESS"];
            UnlistedAddress = settings["CONTAINERS_TEST_TLS_UNLISTED_ADDRESS"];
            Certificates = settings["CONTAINERS_TEST_TLS_CERTIFICATES"];
        }

        /// <summary>tcp://127.0.0.1:PORT, which the engine's certificate names (as does localhost).</summary>
        public string Address { get; }

        /// <summary>tcp://127.0.0.2:PORT: the same engine at an address its certificate does not name.</summary>
        public string UnlistedAddress { get; }

        /// <summary>The certificates' root folder: a DOCKER_CERT_PATH folder per case (rsa-pkcs8, wrong-ca, encrypted-pkcs8, ...), ca/ca.pem, password/*.pfx.</summary>
        public string Certificates { get; }

        /// <summary>The password of the encrypted keys and PFX files (TlsPasswordFiles.Password).</summary>
        public string Password => "secret";

        public string Folder(string name) => Path.Combine(Certificates, name);

        /// <summary>A good client certificate (RSA) of the engine's authority, with that authority's ca.pem.</summary>
        public string Good => Folder("rsa-pkcs8");

        /// <summary>The same client certificate as <see cref="Good"/> with a ca.pem of another authority, which did not sign the engine's certificate.</summary>
        public string WrongAuthority => Folder("wrong-ca");

        /// <summary>A client certificate of the other authority, with the right ca.pem: the engine refuses it.</summary>
        public string ClientFromWrongAuthority => Folder("client-wrong-ca");

        /// <summary>Another good client certificate (P-256) of the engine's authority.</summary>
        public string OtherGood => Folder("ec-sec1");

        public static Task<TlsTestEngineProcess> GetAsync() => Instance.Value;

        private static async Task<TlsTestEngineProcess> StartAsync()
        {
            (Process process, IReadOnlyDictionary<string, string> settings) = await TestEngineTool.StartAsync("--tls").ConfigureAwait(false);
            var engine = new TlsTestEngineProcess(process, settings);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => engine._process.StandardInput.Close();
            return engine;
        }
    }
}
