package com.leadjourney.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Who the demo's buyers are: companies (several contacts each, so accounts fill up), programs with
 * their cost, and buyer profiles in three kinds — a clear fit, a fit that still has to engage,
 * and no fit. Every demo lead carries {@code customFields.demo = true} and an address at a
 * {@code -demo.com} company domain.
 */
final class DemoCatalog {

  record Company(String name, String industry, int size, long revenue, String country) {
    String domain() {
      return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-demo.com";
    }
  }

  /** A program: its lead source, the channel it is booked under, and its cost. */
  record Program(String name, String source, String channel, BigDecimal cost) {}

  static final List<Company> COMPANIES = List.of(
      new Company("Northwind Traders", "retail", 1800, 420_000_000L, "US"),
      new Company("Contoso Bank", "financial-services", 5200, 2_100_000_000L, "GB"),
      new Company("Fabrikam Robotics", "manufacturing", 750, 160_000_000L, "DE"),
      new Company("Tailspin Health", "healthcare", 2400, 610_000_000L, "US"),
      new Company("Adatum Software", "software", 320, 48_000_000L, "NL"),
      new Company("Litware Analytics", "software", 140, 19_000_000L, "US"),
      new Company("Proseware Labs", "software", 60, 6_000_000L, "FR"),
      new Company("Woodgrove Insurance", "financial-services", 900, 300_000_000L, "US"),
      new Company("Coho Logistics", "manufacturing", 260, 55_000_000L, "CA"),
      new Company("Alpine Clinics", "healthcare", 180, 22_000_000L, "CH"),
      new Company("Blue Yonder Apparel", "retail", 1100, 250_000_000L, "US"),
      new Company("Lucerne Publishing", "media", 90, 9_000_000L, "DE"),
      new Company("Margie's Travel", "travel", 40, 4_000_000L, "ES"),
      new Company("Trey Research", "education", 25, 2_000_000L, "US"),
      new Company("Wingtip Toys", "retail", 130, 15_000_000L, "GB"),
      new Company("Humongous Insurance", "financial-services", 12000, 9_000_000_000L, "US"),
      new Company("Relecloud", "software", 2100, 700_000_000L, "US"),
      new Company("VanArsdel Foods", "manufacturing", 3400, 980_000_000L, "NL"),
      new Company("Datum Devices", "manufacturing", 55, 7_000_000L, "IT"),
      new Company("First Up Consultants", "consulting", 35, 3_000_000L, "US"));

  static final List<Program> PROGRAMS = List.of(
      new Program("demo-webinar-data-quality", "webinar", "webinar", new BigDecimal("12000")),
      new Program("demo-roi-ebook", "content", "content", new BigDecimal("6000")),
      new Program("demo-cfo-dinner", "event", "event", new BigDecimal("25000")),
      new Program("demo-paid-search", "paid-search", "ads", new BigDecimal("18000")),
      new Program("demo-partner-summit", "event", "event", new BigDecimal("30000")));

  private static final List<String> FIRST = List.of(
      "Ada", "Grace", "Alan", "Hedy", "Linus", "Margaret", "Katherine", "Dennis", "Barbara", "Ken", "Radia", "Tim", "Frances", "John",
      "Sophie", "Edsger", "Leslie", "Shafi", "Donald", "Anita");
  private static final List<String> LAST = List.of(
      "Lovelace", "Hopper", "Turing", "Lamarr", "Torvalds", "Hamilton", "Johnson", "Ritchie", "Liskov", "Thompson", "Perlman", "Berners-Lee",
      "Allen", "Backus", "Wilson", "Dijkstra", "Lamport", "Goldwasser", "Knuth", "Borg");

  private DemoCatalog() {}

  /** Programs run over the quarter one after another, each a few weeks. */
  static LocalDate programStart(final int index, final LocalDate quarterStart, final int days) {
    return quarterStart.plusDays((long) index * days / PROGRAMS.size());
  }

  /** A new lead as a form or a program would send it. */
  static Map<String, Object> lead(final Random random, final int number, final Program program) {
    final Company company = COMPANIES.get(random.nextInt(COMPANIES.size()));
    final String first = FIRST.get(random.nextInt(FIRST.size()));
    final String last = LAST.get(random.nextInt(LAST.size()));
    final Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("email", (first + "." + last + number).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "") + "@" + company.domain());
    lead.put("firstName", first);
    lead.put("lastName", last);
    lead.put("company", company.name());
    lead.put("country", company.country());
    lead.put("source", program == null ? "web-form" : program.source());
    if (program != null) {
      lead.put("campaign", program.name());
    }
    lead.put("consent", random.nextDouble() > 0.03);
    lead.put("customFields", Map.of("demo", true));
    lead.put("profile", profile(random, company));
    return lead;
  }

  private static Map<String, Object> profile(final Random random, final Company company) {
    final double kind = random.nextDouble();
    final Map<String, Object> p = new LinkedHashMap<>();
    p.put("industry", company.industry());
    p.put("companySize", company.size());
    p.put("annualRevenue", company.revenue());
    if (kind < 0.4) { // a clear fit: owns the decision, has budget and pain
      p.put("role", pick(random, "decision-maker", "economic-buyer"));
      p.put("seniority", pick(random, "vp", "director", "c-level"));
      p.put("decisionStage", pick(random, "evaluating", "deciding"));
      p.put("budget", pick(random, "approved", "planned"));
      p.put("pain", "confirmed");
      p.put("pathToPurchase", pick(random, "defined", "unknown"));
    } else if (kind < 0.75) { // a fit that still has to show interest
      p.put("role", pick(random, "champion", "influencer"));
      p.put("seniority", pick(random, "director", "manager"));
      p.put("decisionStage", pick(random, "evaluating", "researching"));
      p.put("budget", pick(random, "planned", "none"));
      p.put("pain", pick(random, "suspected", "confirmed"));
    } else { // no fit (yet)
      p.put("role", pick(random, "user", "student", "competitor", "influencer"));
      p.put("seniority", pick(random, "individual", "manager"));
      p.put("decisionStage", "researching");
      p.put("budget", "none");
    }
    return p;
  }

  static String pick(final Random random, final String... options) {
    return options[random.nextInt(options.length)];
  }
}
