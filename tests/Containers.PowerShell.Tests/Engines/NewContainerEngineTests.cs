using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Engines
{
    /// <summary>
    /// New-ContainerEngine and Connect-ContainerEngine with certificates as a user gives them (objects, PFX files,
    /// encrypted PEM keys with -KeyPassword), used with -Engine against the real --tlsverify engine; wrong material is a
    /// named error before any connection, and New-ContainerEngine never changes the session's engine.
    /// </summary>
    /// <remarks>
    /// The module keeps one client per address and client certificate for the whole process, so the test with the wrong
    /// authority uses tcp://localhost:PORT, an address no other test here uses, lest it ride on a client a good test made.
    /// </remarks>
    public sealed class NewContainerEngineTests
    {
        private const string Loader = "[System.Security.Cryptography.X509Certificates.X509Certificate2]";

        [Fact]
        public async Task A_certificate_object_with_its_key_and_the_authority_make_an_engine_for_Engine_and_the_session_keeps_its_own()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                RunResult result = session.Run($@"
                    $certificate = {Loader}::new((Join-Path $Certificates password/client.pfx), $Password)
                    $authority = Get-PfxCertificate -FilePath (Join-Path $Certificates ca/ca.pem)
                    $engine = New-ContainerEngine -Uri $TlsAddress -Certificate $certificate -CaCertificate $authority
                    $engine.GetType().Name
                    $engine.UsesTls
                    $engine.Source
                    (Get-ContainerEngine -Engine $engine).ApiVersion
                    Test-ContainerEngine -Engine $engine
                    @(Get-Container -All -Engine $engine).Count -ge 0
                    (Get-ContainerEngine).Source", Variables(tls)).AssertNoErrors();

                Assert.Equal(
                    new object[] { "ContainerEngine", true, "parameter", "1.41", true, true, "DOCKER_HOST" },
                    result.Output.Select(item => item.BaseObject).ToArray());
            }
        }

        [Fact]
        public async Task A_certificate_without_its_private_key_is_refused_and_nothing_comes_back()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                RunResult result = session.Run($@"
                    $withoutKey = {Loader}::new((Join-Path $Certificates rsa-pkcs8/cert.pem))
                    $authority = Get-PfxCertificate -FilePath (Join-Path $Certificates ca/ca.pem)
                    New-ContainerEngine -Uri $TlsAddress -Certificate $withoutKey -CaCertificate $authority", Variables(tls));

                Assert.Empty(result.Output);
                SingleError(result, "InvalidCertificate", ErrorCategory.InvalidArgument, "no private key");
            }
        }

        [Fact]
        public async Task An_authority_that_did_not_sign_the_engines_certificate_is_refused_at_the_first_use()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                string localhost = tls.Address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
                RunResult result = session.Run($@"
                    $certificate = {Loader}::new((Join-Path $Certificates password/client.pfx), $Password)
                    $wrong = Get-PfxCertificate -FilePath (Join-Path $Certificates other-ca/ca.pem)
                    $engine = New-ContainerEngine -Uri '{localhost}' -Certificate $certificate -CaCertificate $wrong
                    $engine.UsesTls
                    Test-ContainerEngine -Engine $engine
                    Get-ContainerEngine -Engine $engine", Variables(tls));

                Assert.Equal(new object[] { true, false }, result.Output.Select(item => item.BaseObject).ToArray());
                SingleError(result, "EngineUnreachable", ErrorCategory.ConnectionError, "untrusted CA");
            }
        }

        [Fact]
        public async Task A_pfx_file_opens_with_its_password_and_a_wrong_or_missing_one_is_a_named_error()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                string pfx = tls.Folder("password/client.pfx");
                RunResult good = session.Run(@"
                    $authority = Get-PfxCertificate -FilePath (Join-Path $Certificates ca/ca.pem)
                    $key = ConvertTo-SecureString $Password -AsPlainText -Force
                    $engine = New-ContainerEngine -Uri $TlsAddress -CertificateFile (Join-Path $Certificates password/client.pfx) -KeyPassword $key -CaCertificate $authority
                    (Get-ContainerEngine -Engine $engine).ApiVersion", Variables(tls)).AssertNoErrors();
                Assert.Equal("1.41", Assert.Single(good.Output).BaseObject);

                RunResult wrong = session.Run(@"
                    $authority = Get-PfxCertificate -FilePath (Join-Path $Certificates ca/ca.pem)
                    New-ContainerEngine -Uri $TlsAddress -CertificateFile (Join-Path $Certificates password/client.pfx) -KeyPassword (ConvertTo-SecureString wrong -AsPlainText -Force) -CaCertificate $authority", Variables(tls));
                Assert.Empty(wrong.Output);
                Assert.Equal(pfx, SingleError(wrong, "InvalidKeyPassword", ErrorCategory.InvalidArgument, pfx).TargetObject);

                RunResult missing = session.Run(@"
                    New-ContainerEngine -Uri $TlsAddress -CertificateFile (Join-Path $Certificates password/client.pfx) -SkipCertificateCheck", Variables(tls));
                SingleError(missing, "InvalidCertificateFile", ErrorCategory.InvalidArgument, "-KeyPassword");
            }
        }

        [Fact]
        public async Task An_encrypted_key_folder_connects_with_KeyPassword_and_without_it_the_error_asks_for_it()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                RunResult good = session.Run(@"
                    $key = ConvertTo-SecureString $Password -AsPlainText -Force
                    $engine = New-ContainerEngine -Uri $TlsAddress -CertificatePath (Join-Path $Certificates encrypted-legacy) -KeyPassword $key
                    (Get-ContainerEngine -Engine $engine).ApiVersion", Variables(tls)).AssertNoErrors();
                Assert.Equal("1.41", Assert.Single(good.Output).BaseObject);

                RunResult missing = session.Run("New-ContainerEngine -Uri $TlsAddress -CertificatePath (Join-Path $Certificates encrypted-pkcs8)", Variables(tls));
                Assert.Empty(missing.Output);
                ErrorRecord error = SingleError(missing, "InvalidCertificatePath", ErrorCategory.InvalidArgument, tls.Folder("encrypted-pkcs8/key.pem"));
                Assert.Contains("-KeyPassword", error.Exception.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task Connect_takes_the_same_certificate_parameters_and_makes_the_engine_the_sessions()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                RunResult result = session.Run(@"
                    $authority = Get-PfxCertificate -FilePath (Join-Path $Certificates ca/ca.pem)
                    $key = ConvertTo-SecureString $Password -AsPlainText -Force
                    $connected = Connect-ContainerEngine -Uri $TlsAddress -CertificateFile (Join-Path $Certificates password/client-sha1-3des.pfx) -KeyPassword $key -CaCertificate $authority
                    $connected.ApiVersion
                    (Get-ContainerEngine).Uri
                    (Get-ContainerEngine).UsesTls
                    Disconnect-ContainerEngine
                    (Get-ContainerEngine).Source", Variables(tls)).AssertNoErrors();

                Assert.Equal(new object[] { "1.41", tls.Address, true, "DOCKER_HOST" }, result.Output.Select(item => item.BaseObject).ToArray());
            }
        }

        [Fact]
        public async Task New_connects_to_nothing_honours_WhatIf_and_keeps_its_parameter_sets_apart()
        {
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                RunResult result = session.Run(@"
                    $nobody = New-ContainerEngine 'tcp://127.0.0.1:1'
                    $nobody.Uri
                    $nobody.UsesTls
                    @(New-ContainerEngine -Uri $TlsAddress -CertificatePath (Join-Path $Certificates rsa-pkcs8) -WhatIf).Count
                    ($nobody | Format-Table -HideTableHeaders | Out-String).Trim() -match 'tcp://127.0.0.1:1'", Variables(tls)).AssertNoErrors();
                Assert.Equal(new object[] { "tcp://127.0.0.1:1", false, 0, true }, result.Output.Select(item => item.BaseObject).ToArray());

                RunResult mixed = session.Run("New-ContainerEngine -Context default -CertificatePath /tmp", Variables(tls));
                ErrorRecord binding = mixed.Terminating ?? Assert.Single(mixed.Errors);
                Assert.StartsWith("AmbiguousParameterSet", binding.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Empty(mixed.Output);
            }
        }

        [Fact]
        public async Task CertificateThumbprint_outside_windows_says_what_to_use_instead()
        {
            Assert.False(OperatingSystem.IsWindows(), "This test states what happens where there are no Windows certificate stores.");
            (ModuleSession session, TlsTestEngineProcess tls) = await StartAsync();
            using (session)
            {
                RunResult result = session.Run("New-ContainerEngine -Uri $TlsAddress -CertificateThumbprint ('A' * 40) -SkipCertificateCheck", Variables(tls));
                SingleError(result, "InvalidCertificateThumbprint", ErrorCategory.InvalidArgument, "-CertificateFile");
            }
        }

        /// <summary>The one error of a run: its id, its category, and a piece of its message.</summary>
        private static ErrorRecord SingleError(RunResult result, string errorId, ErrorCategory category, string text)
        {
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains(text, error.Exception.Message, StringComparison.Ordinal);
            return error;
        }

        private static async Task<(ModuleSession Session, TlsTestEngineProcess Tls)> StartAsync()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();
            return (await ModuleSession.StartAsync(), tls);
        }

        private static Dictionary<string, object?> Variables(TlsTestEngineProcess tls) => new Dictionary<string, object?>
        {
            ["TlsAddress"] = tls.Address,
            ["Certificates"] = tls.Certificates,
            ["Password"] = tls.Password,
        };
    }
}
