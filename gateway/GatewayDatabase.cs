namespace LearningWeek.Gateway;

internal static class GatewayDatabase
{
    public const string ConnectionName = "gatewaydb";
}
