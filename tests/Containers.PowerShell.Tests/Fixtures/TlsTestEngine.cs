using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A dockerd that serves only TLS with client certificates, and certificate folders from two unrelated authorities
    /// (the test-engine tool's --tls option, started once per test run beside <see cref="TestEngineProcess"/>). Folders,
    /// each with ca.pem, cert.pem and key.pem: <see cref="Good"/>; <see cref="WrongAuthority"/>, the same client
    /// certificate with a ca.pem of the other authority; <see cref="ClientFromWrongAuthority"/>, a client certificate of
    /// the other authority with the right ca.pem.
    /// </summary>
    public sealed class TlsTestEngine
    {
        private static readonly Lazy<Task<TlsTestEngine>> Instance = new Lazy<Task<TlsTestEngine>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Process _process;
        private readonly string _certificates;

        private TlsTestEngine(Process process, IReadOnlyDictionary<string, string> settings)
        {
            _process = process;
            Address = settings["CONTAINERS_TEST_TLS_HOST"];
            _certificates = settings["CONTAINERS_TEST_TLS_CERTIFICATES"];
        }

        /// <summary>tcp://127.0.0.1:PORT, which the engine's certificate names.</summary>
        public string Address { get; }

        public string Good => Folder("rsa-pkcs8");

        public string WrongAuthority => Folder("wrong-ca");

        public string ClientFromWrongAuthority => Folder("client-wrong-ca");

        /// <summary>Another good client certificate (P-256) of the engine's authority.</summary>
        public string OtherGood => Folder("ec-sec1");

        public static Task<TlsTestEngine> GetAsync() => Instance.Value;

        private string Folder(string name) => Path.Combine(_certificates, name);

        private static async Task<TlsTestEngine> StartAsync()
        {
            (Process process, Dictionary<string, string> settings) = await TestEngineProcess.LaunchAsync("--tls").ConfigureAwait(false);
            var engine = new TlsTestEngine(process, settings);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => engine._process.StandardInput.Close();
            return engine;
        }
    }
}
