package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.money.Money;

/**
 * A plant-period's costed scrap and rework against what the ERP posted to the general ledger, by account: the
 * difference of each account and the work orders that explain it. A costed event's account is its reason code's (defect
 * code's) when the tenant named one for the event's cost type, else its work order's scrap account (Acumatica's rule);
 * an event with neither has no account ({@code null}) and can only be costed but not posted. Postings in another
 * currency than the plant's are not added to any account: each is a difference of its own.
 */
@RegisterForReflection(targets = { LedgerReconciliation.class, LedgerReconciliation.LedgerTotals.class,
        LedgerReconciliation.AccountBalance.class, LedgerReconciliation.WorkOrderDifference.class })
public record LedgerReconciliation(String plant, String period, String currency, boolean matched, LedgerTotals totals,
        List<AccountBalance> accounts, List<WorkOrderDifference> differences) {

    /** A work order costed on an account that has no posting of that account and work order. */
    public static final String COSTED_NOT_POSTED = "costed_not_posted";
    /** A posting of an account and work order (or of none) without costed events of that account and work order. */
    public static final String POSTED_NOT_COSTED = "posted_not_costed";
    /** A work order whose costed and posted amounts on an account differ. */
    public static final String AMOUNT_DIFFERS = "amount_differs";
    /** A posting in another currency than the plant's. */
    public static final String OTHER_CURRENCY = "other_currency";

    public record LedgerTotals(BigDecimal costed, BigDecimal posted, BigDecimal difference) {
    }

    /** An account's costed scrap and rework, posted amount, and posted − costed. */
    public record AccountBalance(@JsonInclude(JsonInclude.Include.ALWAYS) String account, BigDecimal costedScrap,
            BigDecimal costedRework, BigDecimal costed, BigDecimal posted, BigDecimal difference, boolean matched) {
    }

    /**
     * One work order's difference on an account (posted − costed); {@code workOrder} null for postings or events
     * without one. {@code documents} are the postings' document ids, {@code currency} the postings' when they are not
     * in the plant's.
     */
    public record WorkOrderDifference(@JsonInclude(JsonInclude.Include.ALWAYS) String account,
            @JsonInclude(JsonInclude.Include.ALWAYS) String workOrder, String kind, BigDecimal costed,
            BigDecimal posted, BigDecimal difference, long events, List<String> documents, String currency) {
    }

    /** The costed amount of one account, work order and cost type: {@code scrap} or {@code rework}. */
    public record Costed(String account, String workOrder, String costType, BigDecimal amount, long events) {
    }

    /** The posted amount of one account, work order and currency, with its documents. */
    public record Posted(String account, String workOrder, String currency, BigDecimal amount, List<String> documents) {
    }

    /** Keys sort with the missing account or work order first. */
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private record Key(String account, String workOrder) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byAccount = NULLS_FIRST.compare(account, other.account);
            return byAccount != 0 ? byAccount : NULLS_FIRST.compare(workOrder, other.workOrder);
        }
    }

    /** The reconciliation of {@code costed} against {@code posted} in the plant's {@code currency}. */
    public static LedgerReconciliation of(String plant, String period, String currency, List<Costed> costed,
            List<Posted> posted) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(currency));
        Map<Key, BigDecimal> costedByOrder = new TreeMap<>();
        Map<Key, Long> eventsByOrder = new TreeMap<>();
        Map<String, BigDecimal[]> byAccount = new TreeMap<>(NULLS_FIRST);
        for (Costed c : costed) {
            Key key = new Key(c.account(), c.workOrder());
            costedByOrder.merge(key, c.amount(), BigDecimal::add);
            eventsByOrder.merge(key, c.events(), Long::sum);
            BigDecimal[] sums = byAccount.computeIfAbsent(c.account(), a -> new BigDecimal[] { zero, zero, zero });
            int column = c.costType().equals("rework") ? 1 : 0;
            sums[column] = sums[column].add(c.amount());
        }
        Map<Key, BigDecimal> postedByOrder = new TreeMap<>();
        Map<Key, List<String>> documentsByOrder = new TreeMap<>();
        List<WorkOrderDifference> differences = new ArrayList<>();
        for (Posted p : posted) {
            Key key = new Key(p.account(), p.workOrder());
            if (!p.currency().equals(currency)) {
                differences.add(new WorkOrderDifference(p.account(), p.workOrder(), OTHER_CURRENCY, null,
                        money(p.amount(), BigDecimal.ZERO.setScale(Money.minorUnits(p.currency()))), null, 0,
                        p.documents(), p.currency()));
                continue;
            }
            postedByOrder.merge(key, p.amount(), BigDecimal::add);
            documentsByOrder.computeIfAbsent(key, k -> new ArrayList<>()).addAll(p.documents());
            BigDecimal[] sums = byAccount.computeIfAbsent(p.account(), a -> new BigDecimal[] { zero, zero, zero });
            sums[2] = sums[2].add(p.amount());
        }
        TreeSet<Key> keys = new TreeSet<>(costedByOrder.keySet());
        keys.addAll(postedByOrder.keySet());
        List<WorkOrderDifference> byOrder = new ArrayList<>();
        for (Key key : keys) {
            BigDecimal c = costedByOrder.get(key);
            BigDecimal p = postedByOrder.get(key);
            if (c != null && p != null && c.compareTo(p) == 0) {
                continue;
            }
            String kind = c == null ? POSTED_NOT_COSTED : p == null ? COSTED_NOT_POSTED : AMOUNT_DIFFERS;
            BigDecimal costedAmount = c == null ? zero : c;
            BigDecimal postedAmount = p == null ? zero : p;
            byOrder.add(new WorkOrderDifference(key.account(), key.workOrder(), kind, money(costedAmount, zero),
                    money(postedAmount, zero), money(postedAmount.subtract(costedAmount), zero),
                    eventsByOrder.getOrDefault(key, 0L), List.copyOf(documentsByOrder.getOrDefault(key, List.of())),
                    null));
        }
        byOrder.addAll(differences);
        List<AccountBalance> accounts = new ArrayList<>();
        BigDecimal costedTotal = zero;
        BigDecimal postedTotal = zero;
        for (Map.Entry<String, BigDecimal[]> entry : byAccount.entrySet()) {
            BigDecimal[] sums = entry.getValue();
            BigDecimal accountCosted = sums[0].add(sums[1]);
            String account = entry.getKey();
            boolean accountMatched = byOrder.stream().noneMatch(d -> Objects.equals(d.account(), account));
            accounts.add(
                    new AccountBalance(account, money(sums[0], zero), money(sums[1], zero), money(accountCosted, zero),
                            money(sums[2], zero), money(sums[2].subtract(accountCosted), zero), accountMatched));
            costedTotal = costedTotal.add(accountCosted);
            postedTotal = postedTotal.add(sums[2]);
        }
        return new LedgerReconciliation(plant, period, currency, byOrder.isEmpty(),
                new LedgerTotals(money(costedTotal, zero), money(postedTotal, zero),
                        money(postedTotal.subtract(costedTotal), zero)),
                accounts, byOrder);
    }

    /**
     * An amount with the currency's minor units, or more where it has more: costed amounts are rounded already and
     * postings keep what the ERP sent, so this never rounds; it shows 1250.400000 and 1250.4 as 1250.40.
     */
    private static BigDecimal money(BigDecimal amount, BigDecimal zero) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(plain.scale(), zero.scale()));
    }
}
