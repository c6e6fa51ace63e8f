using System.ComponentModel;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Errors;

namespace Containers.Engine.Tls
{
    /// <summary>Wraps a connected stream in TLS 1.2 or later, presenting the client certificate and checking the server's.</summary>
    internal static class TlsHandshake
    {
        /// <summary>SslProtocols.Tls13, which netstandard2.0's enum lacks; .NET Core 3.0+ and .NET Framework 4.8 know the value.</summary>
        private const SslProtocols Tls13 = (SslProtocols)12288;

        /// <summary>SEC_E_ALGORITHM_MISMATCH and SEC_E_UNSUPPORTED_FUNCTION: SChannel's answer when asked for a protocol the OS lacks.</summary>
        private const int AlgorithmMismatch = unchecked((int)0x80090331);
        private const int UnsupportedFunction = unchecked((int)0x80090302);

        /// <summary>Set once a runtime has refused the TLS 1.3 value, so later connections do not try it again.</summary>
        private static volatile bool s_tls13Refused;

        /// <summary>
        /// Runs the client handshake. The returned stream owns <paramref name="inner"/>. Cancellation disposes
        /// <paramref name="inner"/> (netstandard2.0's AuthenticateAsClientAsync takes no token) and raises
        /// OperationCanceledException; every other failure is an <see cref="EngineConnectionException"/> saying what was wrong.
        /// </summary>
        public static async Task<SslStream> AuthenticateAsync(Stream inner, string targetHost, TlsSettings settings, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (cancellationToken.Register(state => ((Stream)state!).Dispose(), inner))
            {
                SslProtocols protocols = s_tls13Refused ? SslProtocols.Tls12 : SslProtocols.Tls12 | Tls13;
                try
                {
                    try
                    {
                        return await AttemptAsync(inner, targetHost, settings, protocols, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (protocols != SslProtocols.Tls12 && !cancellationToken.IsCancellationRequested && RefusesTls13(e))
                    {
                        // .NET Framework before 4.8 rejects the value outright, and SChannel on Windows before 11 / Server
                        // 2022 fails to acquire credentials for it; both happen before anything is sent, so the same
                        // connection can take a TLS 1.2-only handshake.
                        s_tls13Refused = true;
                        return await AttemptAsync(inner, targetHost, settings, SslProtocols.Tls12, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch
                {
                    // The failed SslStream is not disposed (a retry needs the connection), so the connection is closed here.
                    inner.Dispose();
                    throw;
                }
            }
        }

        private static bool RefusesTls13(Exception e) =>
            (e is ArgumentException argument && (argument.ParamName ?? string.Empty).IndexOf("protocol", StringComparison.OrdinalIgnoreCase) >= 0)
            || e is NotSupportedException
            || (e is EngineConnectionException && e.InnerException is AuthenticationException authentication
                && authentication.InnerException is Win32Exception win32
                && (win32.NativeErrorCode == AlgorithmMismatch || win32.NativeErrorCode == UnsupportedFunction
                    || win32.HResult == AlgorithmMismatch || win32.HResult == UnsupportedFunction));

        private static async Task<SslStream> AttemptAsync(Stream inner, string targetHost, TlsSettings settings, SslProtocols protocols, CancellationToken cancellationToken)
        {
            var check = new ServerCertificateCheck(settings, targetHost);
            var clientCertificates = new X509CertificateCollection();
            if (settings.ClientCertificate != null)
            {
                clientCertificates.Add(settings.ClientCertificate);
            }

            // A failed attempt is not disposed: that would close the connection a TLS 1.2 retry still needs.
            var tls = new SslStream(inner, leaveInnerStreamOpen: false, check.Validate, (_, _, _, _, _) => settings.ClientCertificate!);
            try
            {
                Task handshake = tls.AuthenticateAsClientAsync(targetHost, clientCertificates, protocols, checkCertificateRevocation: false);
                await WhenCompletedOrCancelledAsync(handshake, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The TLS handshake with the engine was cancelled.", e, cancellationToken);
            }
            catch (AuthenticationException e)
            {
                throw new EngineConnectionException(Describe(e, check, settings, targetHost), e);
            }
            catch (IOException e)
            {
                throw new EngineConnectionException(Describe(e, check, settings, targetHost), e);
            }

            return tls;
        }

        /// <summary>
        /// Waits for the handshake, or for cancellation. Disposing the inner stream (done on cancel) ends a pending read
        /// on a socket, but not on every stream on every runtime, so cancellation does not rely on it.
        /// </summary>
        private static async Task WhenCompletedOrCancelledAsync(Task handshake, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled)
            {
                await handshake.ConfigureAwait(false);
                return;
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(handshake, cancelled.Task).ConfigureAwait(false) != handshake)
                {
                    // Observe the abandoned handshake's failure so it does not surface as an unobserved exception.
                    _ = handshake.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw new OperationCanceledException("The TLS handshake with the engine was cancelled.", cancellationToken);
                }
            }

            await handshake.ConfigureAwait(false);
        }

        private static string Describe(Exception e, ServerCertificateCheck check, TlsSettings settings, string targetHost)
        {
            string prefix = $"The TLS handshake with the engine at {targetHost} failed: ";
            if (check.Refusal != null)
            {
                return prefix + "the server certificate was refused: " + check.Refusal;
            }

            string detail = AllMessages(e);
            return prefix + (LooksLikeClientCertificateRefusal(detail) ? DescribeClientCertificateRefusal(settings, InnermostMessage(e)) : detail);
        }

        internal static string DescribeClientCertificateRefusal(TlsSettings settings, string detail) =>
            (settings.ClientCertificate == null
                ? "the engine requires a client certificate, and none was given (cert.pem and key.pem are missing from the TLS folder). "
                : $"the engine refused our client certificate ('{settings.ClientCertificate.Subject}'); it is probably not signed by the authority the engine trusts (its --tlscacert), or has expired. ")
            + "(" + detail + ")";

        /// <summary>What the alert a Go TLS server sends on a missing or untrusted client certificate looks like, as OpenSSL and SChannel report it.</summary>
        internal static bool LooksLikeClientCertificateRefusal(string message) =>
            message.IndexOf("certificate required", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("bad certificate", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("unknown ca", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("certificate unknown", StringComparison.OrdinalIgnoreCase) >= 0;

        internal static string InnermostMessage(Exception e)
        {
            Exception current = e;
            while (current.InnerException != null)
            {
                current = current.InnerException;
            }

            return current.Message.Trim();
        }

        internal static string AllMessages(Exception e)
        {
            var messages = new System.Collections.Generic.List<string>();
            for (Exception? current = e; current != null; current = current.InnerException)
            {
                messages.Add(current.Message.Trim());
            }

            return string.Join(" ", messages);
        }
    }
}
