namespace Containers.HelpBuilder.Maml
{
    /// <summary>The pipelineInput attribute as Get-Help prints it under "Accept pipeline input?".</summary>
    public static class PipelineInputText
    {
        public static string Of(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
    }
}
