using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Tls;
using Containers.EngineSelection.Certificates;
using Containers.Errors;
using Containers.Output;
using Containers.Tests.Engine.Tls;
using Xunit;

namespace Containers.Tests.Core.EngineSelection.Certificates
{
    /// <summary>
    /// -CertificateThumbprint's lookup: CurrentUser\My first, then LocalMachine\My, only a certificate with its private
    /// key, thumbprints as people paste them. The stores are Windows' and cannot be used for this here (.NET on Linux has
    /// no LocalMachine\My), so a fake store holds real certificates made by openssl; the real store,
    /// <see cref="WindowsCertificateStore"/>, is only run on Windows.
    /// </summary>
    public sealed class CertificateStoreLookupTests : IDisposable
    {
        private readonly TlsTestCertificates _certificates = new TlsTestCertificates();

        public void Dispose() => _certificates.Dispose();

        private X509Certificate2 WithKey(string folder) => TlsSettings.LoadFromDirectory(folder, verifyServer: true).ClientCertificate!;

        private X509Certificate2 WithoutKey(string folder) => X509CertificateLoader.LoadCertificateFromFile(System.IO.Path.Combine(folder, "cert.pem"));

        [Fact]
        public void The_current_users_store_comes_first_then_the_machines()
        {
            X509Certificate2 user = WithKey(_certificates.RsaPkcs8);
            X509Certificate2 machine = WithKey(_certificates.EcSec1);
            var store = new FakeCertificateStore();
            store.Add(StoreLocation.CurrentUser, user);
            store.Add(StoreLocation.LocalMachine, machine);

            Assert.Same(user, CertificateStoreLookup.Find(store, user.Thumbprint));
            Assert.Same(machine, CertificateStoreLookup.Find(store, machine.Thumbprint));
            Assert.Equal(new[] { StoreLocation.CurrentUser, StoreLocation.CurrentUser, StoreLocation.LocalMachine }, store.Searched);
        }

        [Fact]
        public void A_thumbprint_pasted_with_spaces_colons_lower_case_and_the_dialogs_invisible_mark_is_found()
        {
            X509Certificate2 user = WithKey(_certificates.RsaPkcs8);
            var store = new FakeCertificateStore();
            store.Add(StoreLocation.CurrentUser, user);
            string pasted = "\u200E" + string.Join(" ", Enumerable.Range(0, 20).Select(i => user.Thumbprint.Substring(2 * i, 2).ToLowerInvariant()));
            Assert.Same(user, CertificateStoreLookup.Find(store, pasted));
            Assert.Same(user, CertificateStoreLookup.Find(store, string.Join(":", Enumerable.Range(0, 20).Select(i => user.Thumbprint.Substring(2 * i, 2)))));
        }

        [Fact]
        public void A_copy_with_its_key_in_the_machine_store_wins_over_one_without_in_the_users()
        {
            X509Certificate2 withKey = WithKey(_certificates.RsaPkcs8);
            var store = new FakeCertificateStore();
            store.Add(StoreLocation.CurrentUser, WithoutKey(_certificates.RsaPkcs8));
            store.Add(StoreLocation.LocalMachine, withKey);
            Assert.Same(withKey, CertificateStoreLookup.Find(store, withKey.Thumbprint));
        }

        [Fact]
        public void A_certificate_without_its_private_key_is_refused()
        {
            X509Certificate2 withoutKey = WithoutKey(_certificates.RsaPkcs8);
            var store = new FakeCertificateStore();
            store.Add(StoreLocation.LocalMachine, withoutKey);
            CommandError error = Classified(() => CertificateStoreLookup.Find(store, withoutKey.Thumbprint));
            Assert.Equal("InvalidCertificateThumbprint", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains("without a private key", error.Message, StringComparison.Ordinal);
            Assert.Contains(withoutKey.Subject, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_thumbprint_in_neither_store_is_ObjectNotFound_naming_both()
        {
            var store = new FakeCertificateStore();
            store.Add(StoreLocation.CurrentUser, WithKey(_certificates.RsaPkcs8));
            string absent = new string('A', 40);
            CommandError error = Classified(() => CertificateStoreLookup.Find(store, absent));
            Assert.Equal("CertificateNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(absent, error.Target);
            Assert.Contains(@"Cert:\CurrentUser\My", error.Message, StringComparison.Ordinal);
            Assert.Contains(@"Cert:\LocalMachine\My", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("not-a-thumbprint")]
        [InlineData("ABCDEF")]
        [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
        public void What_is_not_a_sha1_thumbprint_is_refused_before_any_store_is_opened(string thumbprint)
        {
            var store = new FakeCertificateStore();
            CommandError error = Classified(() => CertificateStoreLookup.Find(store, thumbprint));
            Assert.Equal("InvalidCertificateThumbprint", error.ErrorId);
            Assert.Contains(thumbprint, error.Message, StringComparison.Ordinal);
            Assert.Empty(store.Searched);
        }

        [Fact]
        public void Where_there_are_no_windows_stores_the_error_says_what_to_use_instead()
        {
            var store = new FakeCertificateStore { IsAvailable = false };
            CommandError error = Classified(() => CertificateStoreLookup.Find(store, new string('A', 40)));
            Assert.Equal("InvalidCertificateThumbprint", error.ErrorId);
            Assert.Contains("-CertificateFile", error.Message, StringComparison.Ordinal);
            Assert.Empty(store.Searched);
        }

        [Fact]
        public void The_real_store_is_available_only_on_windows()
        {
            Assert.Equal(OperatingSystem.IsWindows(), WindowsCertificateStore.Instance.IsAvailable);
            if (!OperatingSystem.IsWindows())
            {
                // What a user on Linux gets from the parameter: the same clear error, through the real store.
                var options = new EngineTlsOptions { CertificateThumbprint = new string('A', 40), SkipCertificateCheck = true };
                CommandError error = Classified(() => options.ToSettings());
                Assert.Equal("InvalidCertificateThumbprint", error.ErrorId);
            }
        }

        private static CommandError Classified(Action act)
        {
            Exception exception = Assert.ThrowsAny<Exception>(act);
            return ErrorClassifier.Classify(exception, null);
        }

        private static CommandError Classified(Func<object?> act) => Classified(() => { act(); });

        /// <summary>Stands in for Windows' "My" stores, which do not exist here.</summary>
        private sealed class FakeCertificateStore : ICertificateStore
        {
            private readonly Dictionary<StoreLocation, List<X509Certificate2>> _stores = new Dictionary<StoreLocation, List<X509Certificate2>>
            {
                [StoreLocation.CurrentUser] = new List<X509Certificate2>(),
                [StoreLocation.LocalMachine] = new List<X509Certificate2>(),
            };

            public bool IsAvailable { get; set; } = true;

            public List<StoreLocation> Searched { get; } = new List<StoreLocation>();

            public void Add(StoreLocation location, X509Certificate2 certificate) => _stores[location].Add(certificate);

            public IReadOnlyList<X509Certificate2> FindByThumbprint(StoreLocation location, string thumbprint)
            {
                Searched.Add(location);
                // X509Store.Find(FindByThumbprint) compares case-insensitively; the lookup hands it upper case.
                Assert.Equal(thumbprint.ToUpperInvariant(), thumbprint);
                return _stores[location].Where(c => string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase)).ToList();
            }
        }
    }
}
