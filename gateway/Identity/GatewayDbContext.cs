using LearningWeek.Gateway.Identity.Staff;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// The gateway's own database (<c>gatewaydb</c>), schema <c>identity</c>: the issuer's client
/// applications (secrets hashed by OpenIddict), its authorizations and tokens (authorization codes,
/// refresh tokens), and the staff accounts (passwords hashed by ASP.NET Core Identity). Its schema
/// is kept by EF Core migrations (<c>gateway/Identity/Migrations</c>).
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : IdentityUserContext<StaffUser>(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Role).HasMaxLength(40);
            user.Property(u => u.WardCode).HasMaxLength(40);
            user.Property(u => u.UnitCode).HasMaxLength(40);
            user.Property(u => u.ManagedBy).HasMaxLength(20);
            user.Property(u => u.CreatedBy).HasMaxLength(256);
            user.HasIndex(u => u.WardCode);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c> only: the model, without a running gateway.</summary>
internal sealed class DesignTimeGatewayDbContextFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GatewayDbContext>()
            .UseNpgsql("Host=design-time-only")
            .UseOpenIddict()
            .Options);
}
