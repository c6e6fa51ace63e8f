namespace Containers.Provisioning.Transactions
{
    /// <summary>Where a running step registers the undo of each thing it made.</summary>
    public sealed class StepUndo
    {
        private readonly List<UndoAction> _actions;
        private readonly string _step;

        internal StepUndo(List<UndoAction> actions, string step)
        {
            _actions = actions;
            _step = step;
        }

        /// <param name="what">What the undo takes back ("remove the host record"), for messages.</param>
        /// <param name="undo">Must tolerate a half-made thing: it runs when the step itself failed after registering.</param>
        public void Register(string what, Func<CancellationToken, Task> undo) =>
            _actions.Add(new UndoAction(_step, what, undo ?? throw new ArgumentNullException(nameof(undo))));

        /// <summary>A synchronous undo.</summary>
        public void Register(string what, Action undo) =>
            Register(what, _ =>
            {
                undo();
                return Task.CompletedTask;
            });
    }
}
