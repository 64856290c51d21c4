package io.atrium.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrolled;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentImport;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo producer's members area at {@code /club/demo}: the photography course with
 * modules and pages (one password-protected, one unpublished, one extra module), three
 * groups with different drip and expiration, the international offer linked to the VIP
 * group, and the four demo students spread across the groups at different start dates.
 */
@Component
class DemoClub {

	static final String SUBDOMAIN = "demo";

	static final String PAGE_PASSWORD = "foto2026";

	private final Catalog catalog;

	private final Offers offers;

	private final ClubAreas areas;

	private final Groups groups;

	private final ClubContent content;

	private final Enrollments enrollments;

	private final ClubAccess access;

	private final Clock clock;

	DemoClub(Catalog catalog, Offers offers, ClubAreas areas, Groups groups, ClubContent content,
			Enrollments enrollments, ClubAccess access, Clock clock) {
		this.catalog = catalog;
		this.offers = offers;
		this.areas = areas;
		this.groups = groups;
		this.content = content;
		this.enrollments = enrollments;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Seeds the members area once: a course that already has modules is left alone.
	 * @return whether it seeded now
	 */
	@Transactional
	boolean seed(long producer) {
		ProductSummary course = this.catalog.productsOf(producer)
			.stream()
			.filter((p) -> p.delivery().kind() == DeliveryKind.MEMBERS_AREA)
			.findFirst()
			.orElse(null);
		if (course == null || !this.content.content(producer, course.id()).isEmpty()) {
			return false;
		}
		this.areas.change(producer, SUBDOMAIN, "Escola de Fotografia da Paula");
		List<Group> existing = this.groups.of(producer, course.id());
		Group standard = this.groups.rename(producer, existing.get(0).id(), "Turma padrão");
		Group vip = this.groups.create(producer, course.id(), "Turma VIP", false);
		Group express = this.groups.create(producer, course.id(), "Turma Express", false);
		List<Offer> courseOffers = this.offers.offersOf(producer, course.id());
		if (courseOffers.size() > 1) {
			this.groups.linkOffer(producer, vip.id(), courseOffers.get(1).id());
		}

		ClubModule welcome = module(producer, course.id(), "Boas-vindas", false);
		ClubPage hello = page(producer, welcome, "Comece por aqui", PageKind.TEXT,
				"Bem-vindo! Este curso leva você do modo automático ao manual.\n\n"
						+ "Marque cada aula como concluída para acompanhar seu progresso.",
				null, true);
		page(producer, welcome, "Como usar a área de membros", PageKind.VIDEO, "Um tour de dois minutos.",
				"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", true);

		ClubModule camera = module(producer, course.id(), "Módulo 1 — A câmera", false);
		page(producer, camera, "Abertura, velocidade e ISO", PageKind.TEXT,
				"O triângulo da exposição em três exemplos.", null, true);
		page(producer, camera, "Foco e profundidade de campo", PageKind.TEXT,
				"Quando usar foco manual e como escolher o ponto de foco.", null, true);
		ClubPage live = page(producer, camera, "Aula bônus ao vivo (gravação)", PageKind.LINK,
				"A gravação da aula ao vivo de outubro. A senha foi enviada por e-mail.",
				"https://example.com/gravacao-outubro", true);
		this.content.setPassword(producer, live.id(), PAGE_PASSWORD);

		ClubModule light = module(producer, course.id(), "Módulo 2 — Luz", false);
		page(producer, light, "Luz natural", PageKind.TEXT, "Janelas, horário dourado e sombras.", null, true);
		page(producer, light, "Rascunho: flash externo", PageKind.TEXT, "Em produção.", null, false);

		ClubModule editing = module(producer, course.id(), "Bônus: edição no celular", true);
		page(producer, editing, "Ajustes básicos", PageKind.TEXT, "Exposição, contraste e cor em cinco minutos.", null,
				true);

		Instant today = this.clock.instant().truncatedTo(ChronoUnit.DAYS);
		this.content.setModuleRule(producer, standard.id(), light.id(),
				new ContentRule(true, Drip.afterDays(7), Expiration.NEVER));
		this.content.setModuleRule(producer, standard.id(), editing.id(), ContentRule.DEFAULT.withVisible(false));
		this.content.setModuleRule(producer, express.id(), camera.id(),
				new ContentRule(true, Drip.IMMEDIATE, Expiration.afterDays(60)));
		this.content.setModuleRule(producer, express.id(), light.id(),
				new ContentRule(true, Drip.onDate(today.plus(Duration.ofDays(9))), Expiration.NEVER));
		this.content.setModuleRule(producer, express.id(), editing.id(), ContentRule.DEFAULT.withVisible(false));

		enroll(producer, course.id(), "ana@demo.atrium.test", "Ana Costa", standard, 2, List.of(hello));
		enroll(producer, course.id(), "bruno@demo.atrium.test", "Bruno Díaz", vip, 20, List.of(hello));
		enroll(producer, course.id(), "chiara@demo.atrium.test", "Chiara Rossi", express, 70, List.of());
		enroll(producer, course.id(), "david@demo.atrium.test", "David Miller", standard, 10, List.of(hello));
		return true;
	}

	/**
	 * Seeds the subscription product's content once (its subscribers open it in the same
	 * members area): a product that already has modules is left alone.
	 * @return whether it seeded now
	 */
	@Transactional
	boolean seedRecipes(long producer) {
		ProductSummary club = this.catalog.productsOf(producer)
			.stream()
			.filter((p) -> p.format() == ProductFormat.SUBSCRIPTION && p.delivery().kind() == DeliveryKind.MEMBERS_AREA)
			.findFirst()
			.orElse(null);
		if (club == null || !this.content.content(producer, club.id()).isEmpty()) {
			return false;
		}
		ClubModule week = module(producer, club.id(), "Receitas da semana", false);
		page(producer, week, "Pão de fermentação natural", PageKind.TEXT,
				"Farinha, água, sal e paciência: o passo a passo com horários.", null, true);
		page(producer, week, "Moqueca de banana-da-terra", PageKind.TEXT,
				"A versão vegetariana da moqueca, pronta em 40 minutos.", null, true);
		page(producer, week, "Bolo de fubá cremoso", PageKind.TEXT, "O bolo que faz a própria calda.", null, true);
		ClubModule live = module(producer, club.id(), "Aulas ao vivo", false);
		page(producer, live, "Aula de dezembro: ceia sem estresse", PageKind.VIDEO, "A gravação da aula ao vivo.",
				"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", true);
		return true;
	}

	private ClubModule module(long producer, long productId, String name, boolean extra) {
		return this.content.addModule(producer, productId, new ModuleDetails(name, extra, true));
	}

	private ClubPage page(long producer, ClubModule module, String name, PageKind kind, String body, String url,
			boolean published) {
		return this.content.addPage(producer, module.id(), new PageDetails(name, kind, body, url, published));
	}

	private void enroll(long producer, long productId, String email, String name, Group group, int daysAgo,
			List<ClubPage> done) {
		Instant start = this.clock.instant().minus(Duration.ofDays(daysAgo));
		Enrolled enrolled = this.enrollments.enroll(producer, productId,
				new StudentImport(email, name, group.id(), start, null));
		for (ClubPage page : done) {
			this.access.complete(enrolled.enrollment().accountId(), page.id(), Set.of());
		}
	}

}
