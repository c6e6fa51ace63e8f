namespace Containers.HelpBuilder.Checks
{
    /// <summary>One disagreement between the help sources and the cmdlets, with a message that says where and what.</summary>
    public sealed class HelpProblem
    {
        public HelpProblem(HelpProblemKind kind, string cmdlet, string message)
        {
            Kind = kind;
            Cmdlet = cmdlet;
            Message = message;
        }

        public HelpProblemKind Kind { get; }

        /// <summary>The cmdlet (or page name) the problem is about.</summary>
        public string Cmdlet { get; }

        public string Message { get; }

        public override string ToString() => Message;
    }
}
