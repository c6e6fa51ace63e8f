namespace Containers.Commands.Interactive
{
    /// <summary>
    /// The user's side of an interactive session: keys in, terminal output out. The console implements it over
    /// System.Console (<see cref="ConsoleTerminal"/>); tests implement it with a script, which is what lets a real
    /// session against a real engine run under xunit.
    /// </summary>
    public interface IInteractiveTerminal
    {
        /// <summary>The current size; the session sends it to the engine at the start.</summary>
        TerminalSize Size { get; }

        /// <summary>Raised (from any thread) when the size changed during the session.</summary>
        event EventHandler<TerminalSize>? SizeChanged;

        /// <summary>
        /// Puts the terminal in the state a remote terminal needs: keys (Ctrl+C included) passed on as input, output
        /// written as it comes. Everything changed here is put back by <see cref="Restore"/>.
        /// </summary>
        void EnterRawMode();

        /// <summary>Puts back every setting <see cref="EnterRawMode"/> changed. Safe to call more than once.</summary>
        void Restore();

        /// <summary>
        /// Waits for input and copies the bytes a VT terminal would send into <paramref name="buffer"/>. Returns 0 when
        /// the input has ended for good. Honours <paramref name="cancellationToken"/> promptly.
        /// </summary>
        Task<int> ReadInputAsync(byte[] buffer, CancellationToken cancellationToken);

        /// <summary>Writes the container's terminal output as it is (VT sequences included).</summary>
        Task WriteOutputAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken);
    }
}
