namespace Containers.Provisioning.Transactions
{
    /// <summary>One registered undo: the step that made the thing, what it takes back, and how.</summary>
    internal sealed class UndoAction
    {
        public UndoAction(string step, string what, Func<CancellationToken, Task> run)
        {
            Step = step;
            What = what;
            Run = run;
        }

        public string Step { get; }

        public string What { get; }

        public Func<CancellationToken, Task> Run { get; }
    }
}
